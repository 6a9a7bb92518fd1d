import type { AdminFlowSummary, CreateExperimentRequest, Experiment } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeFailure, issuesOf, request } from '../api';
import type { FieldIssue } from '../draft-model';
import { Notice, SelectField, TextField } from '../fields';
import { useLoad } from '../use-load';

interface VariantDraft {
  name: string;
  weight: string;
  arm: 'smart' | 'adaptive';
  flowVersion: string;
}

const firstVariants = (): VariantDraft[] => [
  { name: 'control', weight: '1', arm: 'smart', flowVersion: '1' },
  { name: 'treatment', weight: '1', arm: 'adaptive', flowVersion: '2' },
];

/**
 * What the form sends: typed text as the edge's schema wants it. A weight that is not a number is sent as
 * typed, so the edge's own issue lands next to it (the edge's validation is the only one).
 */
function experimentBody(
  fields: { id: string; name: string; flowId: string; kind: 'arm' | 'flow_version' },
  variants: readonly VariantDraft[],
): CreateExperimentRequest {
  const num = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text);
  return {
    ...fields,
    variants: variants.map((v) => ({
      name: v.name,
      weight: num(v.weight) as number,
      ...(fields.kind === 'arm' ? { arm: v.arm } : { flowVersion: num(v.flowVersion) as number }),
    })),
  };
}

/** Starts an experiment on a flow: the arms against each other, or published versions of the flow. */
export function ExperimentForm({ onCreated }: { onCreated: (e: Experiment) => void }) {
  const [fields, setFields] = useState({
    id: '',
    name: '',
    flowId: '',
    kind: 'arm' as 'arm' | 'flow_version',
  });
  const [variants, setVariants] = useState(firstVariants);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The tenant's flows to choose from; until they load (or if they cannot), the id is typed.
  const flows = useLoad(
    async () => (await request<{ flows: AdminFlowSummary[] }>('GET', '/v1/admin/flows')).data.flows,
    [],
  );
  const flowIds = flows.data?.map((f) => f.id) ?? [];
  const set = (key: keyof typeof fields) => (value: string) => setFields({ ...fields, [key]: value });
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    setVariants(variants.map((v, j) => (j === i ? { ...v, ...patch } : v)));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await request<Experiment>('POST', '/v1/admin/experiments', {
        body: experimentBody({ ...fields, flowId: fields.flowId || (flowIds[0] ?? '') }, variants),
      });
      setIssues([]);
      setFields({ ...fields, id: '', name: '' });
      setVariants(firstVariants());
      onCreated(created.data);
    } catch (err) {
      setIssues(issuesOf(err));
      setError(describeFailure(err));
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="new-experiment-title">
      <h2 id="new-experiment-title">New experiment</h2>
      {error && <Notice kind="error">{error}</Notice>}
      <div class="row">
        <TextField label="Id" path={['id']} issues={issues} value={fields.id} onChange={set('id')} required />
        <TextField
          label="Name"
          path={['name']}
          issues={issues}
          value={fields.name}
          onChange={set('name')}
          required
        />
        {flowIds.length > 0 ? (
          <SelectField
            label="Flow"
            path={['flowId']}
            issues={issues}
            value={fields.flowId || (flowIds[0] ?? '')}
            options={flowIds}
            onChange={set('flowId')}
          />
        ) : (
          <TextField
            label="Flow"
            path={['flowId']}
            issues={issues}
            value={fields.flowId}
            onChange={set('flowId')}
            required
          />
        )}
        <SelectField
          label="Compare"
          path={['kind']}
          issues={issues}
          value={fields.kind}
          options={['arm', 'flow_version']}
          onChange={set('kind')}
          hint="arm: smart against adaptive; flow_version: published versions of the flow"
        />
      </div>
      {variants.map((v, i) => (
        <fieldset key={i}>
          <legend>{i === 0 ? 'Variant 1 (the control)' : `Variant ${i + 1}`}</legend>
          <div class="row">
            <TextField
              label="Variant name"
              path={['variants', i, 'name']}
              issues={issues}
              value={v.name}
              onChange={(name) => setVariant(i, { name })}
            />
            <TextField
              label="Weight"
              path={['variants', i, 'weight']}
              issues={issues}
              type="number"
              value={v.weight}
              onChange={(weight) => setVariant(i, { weight })}
            />
            {fields.kind === 'arm' ? (
              <SelectField
                label="Arm"
                path={['variants', i, 'arm']}
                issues={issues}
                value={v.arm}
                options={['smart', 'adaptive']}
                onChange={(arm) => setVariant(i, { arm: arm as VariantDraft['arm'] })}
              />
            ) : (
              <TextField
                label="Flow version"
                path={['variants', i, 'flowVersion']}
                issues={issues}
                type="number"
                value={v.flowVersion}
                onChange={(flowVersion) => setVariant(i, { flowVersion })}
              />
            )}
          </div>
          {variants.length > 2 && (
            <button type="button" onClick={() => setVariants(variants.filter((_, j) => j !== i))}>
              Remove variant {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <div class="actions">
        {variants.length < 4 && (
          <button
            type="button"
            onClick={() =>
              setVariants([...variants, { name: '', weight: '1', arm: 'adaptive', flowVersion: '' }])
            }
          >
            Add a variant
          </button>
        )}
        <button type="submit">Start the experiment</button>
      </div>
    </form>
  );
}
