import type {
  AuditLogResponse,
  CompleteOnboardingResponse,
  FlowDefinitionInput,
  FlowListResponse,
  FlowVersion,
  FlowVersionListResponse,
  InitializeJourneyRequest,
  InterventionResponse,
  JourneyListResponse,
  JourneyResponse,
  JourneyStatus,
  NextStepResponse,
  ProgressResponse,
  PublishFlowResponse,
  StruggleMetricsInput,
  UpdateProgressRequest,
  UserExportResponse,
} from '@smart-onboarding/protocol';

/**
 * The edge's admin and journey operations this client calls, by their OpenAPI `operationId`: method, path,
 * and the names of the request and response components in `/openapi.json`. The client's types come from
 * these names (`Components`), and a test checks every row against the document the edge serves, so the
 * client cannot drift from the API without a failing test.
 */
export const operations = {
  publishFlow: { method: 'POST', path: '/v1/flows', body: 'FlowDefinition', response: 'PublishFlowResponse' },
  listFlows: { method: 'GET', path: '/v1/flows', response: 'FlowListResponse' },
  getFlow: { method: 'GET', path: '/v1/flows/{flowId}', response: 'FlowVersion' },
  listFlowVersions: {
    method: 'GET',
    path: '/v1/flows/{flowId}/versions',
    response: 'FlowVersionListResponse',
  },
  getFlowVersion: { method: 'GET', path: '/v1/flows/{flowId}/versions/{version}', response: 'FlowVersion' },
  initializeUserJourney: {
    method: 'POST',
    path: '/v1/journeys/{userId}',
    body: 'InitializeJourneyRequest',
    response: 'JourneyResponse',
  },
  getJourney: { method: 'GET', path: '/v1/journeys/{userId}', response: 'JourneyResponse' },
  getNextOptimalStep: { method: 'GET', path: '/v1/journeys/{userId}/next', response: 'NextStepResponse' },
  updateUserProgress: {
    method: 'POST',
    path: '/v1/journeys/{userId}/progress',
    body: 'UpdateProgressRequest',
    response: 'ProgressResponse',
  },
  handleUserStruggle: {
    method: 'POST',
    path: '/v1/journeys/{userId}/struggle',
    body: 'StruggleMetrics',
    response: 'InterventionResponse',
  },
  completeOnboarding: {
    method: 'POST',
    path: '/v1/journeys/{userId}/complete',
    response: 'CompleteOnboardingResponse',
  },
  deleteUserJourney: { method: 'DELETE', path: '/v1/journeys/{userId}' },
  exportUserData: { method: 'GET', path: '/v1/journeys/{userId}/export', response: 'UserExportResponse' },
  listJourneys: { method: 'GET', path: '/v1/journeys', response: 'JourneyListResponse' },
  listAuditLog: { method: 'GET', path: '/v1/audit', response: 'AuditLogResponse' },
} as const satisfies Record<string, Operation>;

interface Operation {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: keyof Components;
  response?: keyof Components;
}

/** The `/openapi.json` components by name, as TypeScript types (request bodies as the caller may write them). */
interface Components {
  AuditLogResponse: AuditLogResponse;
  CompleteOnboardingResponse: CompleteOnboardingResponse;
  FlowDefinition: FlowDefinitionInput;
  FlowListResponse: FlowListResponse;
  FlowVersion: FlowVersion;
  FlowVersionListResponse: FlowVersionListResponse;
  InitializeJourneyRequest: InitializeJourneyRequest;
  InterventionResponse: InterventionResponse;
  JourneyListResponse: JourneyListResponse;
  JourneyResponse: JourneyResponse;
  NextStepResponse: NextStepResponse;
  ProgressResponse: ProgressResponse;
  PublishFlowResponse: PublishFlowResponse;
  StruggleMetrics: StruggleMetricsInput;
  UpdateProgressRequest: UpdateProgressRequest;
  UserExportResponse: UserExportResponse;
}

/** Query parameters of the operations that take any. */
interface Queries {
  listJourneys: { flowId?: string; status?: JourneyStatus; limit?: number; before?: number };
  listAuditLog: { limit?: number; action?: string };
}

export type OperationName = keyof typeof operations;
type Op<N extends OperationName> = (typeof operations)[N];

/** `{ userId: string }` from `/v1/journeys/{userId}`. */
type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof PathParams<Rest>]: K extends 'version' ? number : string }
  : unknown;

type BodyOf<N extends OperationName> =
  Op<N> extends { body: infer B extends keyof Components } ? Components[B] : never;

/** What one call takes: path parameters, then the body or query, each only when the operation has one. */
export type RequestOf<N extends OperationName> = PathParams<Op<N>['path']> &
  ([BodyOf<N>] extends [never] ? unknown : { body: BodyOf<N> }) &
  (N extends keyof Queries ? { query?: Queries[N] } : unknown);

/** What one call resolves to: the response component, or undefined for 204. */
export type ResponseOf<N extends OperationName> =
  Op<N> extends { response: infer R extends keyof Components } ? Components[R] : undefined;
