import { createContext, useContext, type ReactNode } from 'react';
import { useLoad } from '../ui/use-load';

/**
 * Which API paths the running engine has, from its OpenAPI document (/docs-json). Screens
 * for endpoints other issues are still building check here and show "not available yet".
 */
const CapabilitiesContext = createContext<Set<string>>(new Set());

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const loaded = useLoad(async () => {
    const response = await fetch('/docs-json');
    if (!response.ok) return new Set<string>();
    const doc = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
    const paths = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(methods)) paths.add(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`);
    }
    return paths;
  }, []);
  return <CapabilitiesContext.Provider value={loaded.data ?? new Set()}>{children}</CapabilitiesContext.Provider>;
}

/** `has('POST /api/v1/findings/{}/extension-requests')`: path parameters written as {}. */
export function useCapabilities(): { has(route: string): boolean; find(pattern: RegExp): string | undefined } {
  const paths = useContext(CapabilitiesContext);
  return {
    has: (route) => paths.has(route),
    find: (pattern) => [...paths].find((p) => pattern.test(p)),
  };
}
