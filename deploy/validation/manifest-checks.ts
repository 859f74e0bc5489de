/**
 * Structural rules for the files in deploy/, checked by `npm test` without a cluster or a
 * container runtime. Each function returns the broken rules (empty = fine), naming the object.
 */
type Doc = Record<string, unknown>;

const obj = (value: unknown): Doc => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Every Kubernetes object: apiVersion, kind and metadata.name. */
export function checkKubernetesObject(doc: Doc, file: string): string[] {
  const name = obj(doc.metadata).name;
  const problems: string[] = [];
  if (typeof doc.apiVersion !== 'string') problems.push(`${file}: apiVersion missing`);
  if (typeof doc.kind !== 'string') problems.push(`${file}: kind missing`);
  if (typeof name !== 'string' || name === '') problems.push(`${file}: metadata.name missing`);
  return problems;
}

/**
 * A Deployment: every container has readiness and liveness probes on GET /health, CPU and
 * memory requests, and runs as non-root (pod or container securityContext) without privilege
 * escalation; the selector matches the template's labels.
 */
export function checkDeployment(doc: Doc): string[] {
  const name = String(obj(doc.metadata).name);
  const spec = obj(doc.spec);
  const template = obj(spec.template);
  const pod = obj(template.spec);
  const problems: string[] = [];
  const selector = obj(obj(spec.selector).matchLabels);
  const labels = obj(obj(template.metadata).labels);
  if (Object.keys(selector).length === 0 || Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
    problems.push(`Deployment ${name}: selector does not match the template labels`);
  }
  const containers = list(pod.containers).map(obj);
  if (containers.length === 0) problems.push(`Deployment ${name}: no containers`);
  const podSecurity = obj(pod.securityContext);
  for (const container of containers) {
    const where = `Deployment ${name} container ${String(container.name)}`;
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      if (obj(obj(container[probe]).httpGet).path !== '/health') problems.push(`${where}: ${probe} must GET /health`);
    }
    const requests = obj(obj(container.resources).requests);
    if (requests.cpu === undefined || requests.memory === undefined) problems.push(`${where}: resources.requests.cpu and .memory required`);
    const security = { ...podSecurity, ...obj(container.securityContext) };
    if (security.runAsNonRoot !== true) problems.push(`${where}: securityContext.runAsNonRoot must be true`);
    if (security.runAsUser === 0) problems.push(`${where}: securityContext.runAsUser must not be 0`);
    if (obj(container.securityContext).allowPrivilegeEscalation !== false) {
      problems.push(`${where}: securityContext.allowPrivilegeEscalation must be false`);
    }
  }
  return problems;
}

/** A compose file: every long-running service has a healthcheck; the engine's checks /health. */
export function checkCompose(doc: Doc): string[] {
  const services = obj(doc.services);
  const problems: string[] = [];
  if (Object.keys(services).length === 0) problems.push('compose: no services');
  for (const [name, value] of Object.entries(services)) {
    const test = list(obj(obj(value).healthcheck).test).map(String);
    if (test.length === 0) problems.push(`compose service ${name}: healthcheck.test missing`);
    if (name === 'engine' && !test.some((part) => part.includes('/health'))) problems.push('compose service engine: healthcheck must call /health');
  }
  return problems;
}
