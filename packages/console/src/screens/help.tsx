import type { HelpArticle } from '@smart-onboarding/protocol';
import { useState } from 'preact/hooks';
import { describeFailure, issuesOf, request } from '../api';
import type { FieldIssue } from '../draft-model';
import { Notice, TextField } from '../fields';
import { useLoad } from '../use-load';

const NEW: HelpArticle = { id: '', title: '', body: '' };
const path = (id: string) => `/v1/admin/help/articles/${encodeURIComponent(id)}`;

/**
 * The help library contextual help is grounded in, one article at a time: pick one (or start a new one),
 * edit its title, markdown body and link, save or delete it. Each save is that article alone.
 */
export function Help() {
  const loaded = useLoad(
    async () => (await request<{ articles: HelpArticle[] }>('GET', '/v1/admin/help/articles')).data.articles,
    [],
  );
  const [editing, setEditing] = useState<{ article: HelpArticle; isNew: boolean } | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  if (loaded.error) return <Notice kind="error">{loaded.error}</Notice>;
  if (!loaded.data) return <p>Loading the help articles…</p>;
  const articles = loaded.data;
  const open = (article: HelpArticle, isNew = false) => {
    setEditing({ article, isNew });
    setIssues([]);
    setMessage(null);
  };
  const change = (patch: Partial<HelpArticle>) =>
    editing && setEditing({ ...editing, article: { ...editing.article, ...patch } });

  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const { id, ...fields } = editing.article;
    if (!id.trim()) return setIssues([{ path: 'id', message: 'give the article an id' }]);
    try {
      const body = fields.url ? fields : { title: fields.title, body: fields.body };
      const { data } = await request<{ article: HelpArticle; embedded: boolean }>('PUT', path(id), { body });
      loaded.setData(
        [...articles.filter((a) => a.id !== id), data.article].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      setEditing({ article: data.article, isNew: false });
      setIssues([]);
      setMessage({
        kind: 'ok',
        text: `Saved “${data.article.title}”${data.embedded ? ', embedded for retrieval' : ''}.`,
      });
    } catch (err) {
      setIssues(issuesOf(err));
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };
  const remove = async () => {
    if (!editing || !confirm(`Delete “${editing.article.title}”?`)) return;
    try {
      await request('DELETE', path(editing.article.id));
      loaded.setData(articles.filter((a) => a.id !== editing.article.id));
      setEditing(null);
      setMessage({ kind: 'ok', text: `Deleted “${editing.article.title}”.` });
    } catch (err) {
      setMessage({ kind: 'error', text: describeFailure(err) });
    }
  };

  return (
    <>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <nav aria-label="Help articles">
        <ul class="list">
          {articles.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                aria-current={editing?.article.id === a.id && !editing.isNew ? 'true' : undefined}
                onClick={() => open(a)}
              >
                {a.title}
              </button>{' '}
              <span class="meta">{a.id}</span>
            </li>
          ))}
        </ul>
        {articles.length === 0 && <p class="meta">No articles yet.</p>}
        <button type="button" onClick={() => open(NEW, true)}>
          New article
        </button>
      </nav>
      {editing && (
        <form onSubmit={save} aria-label={editing.isNew ? 'New article' : `Article ${editing.article.id}`}>
          {editing.isNew && (
            <TextField
              label="Id"
              hint="Steps name their articles by this id (helpArticleIds)"
              path={['id']}
              issues={issues}
              value={editing.article.id}
              onChange={(id) => change({ id })}
              required
            />
          )}
          <TextField
            label="Title"
            path={['title']}
            issues={issues}
            value={editing.article.title}
            onChange={(title) => change({ title })}
          />
          <TextField
            label="Body (markdown)"
            multiline
            path={['body']}
            issues={issues}
            value={editing.article.body}
            onChange={(body) => change({ body })}
          />
          <TextField
            label="Link (optional)"
            hint="https:// only"
            path={['url']}
            issues={issues}
            value={editing.article.url ?? ''}
            onChange={(url) => change({ url: url || undefined })}
          />
          <div class="actions">
            <button type="submit">Save article</button>
            {!editing.isNew && (
              <button type="button" class="danger" onClick={remove}>
                Delete article
              </button>
            )}
          </div>
        </form>
      )}
    </>
  );
}
