import { request } from '../api';

/** A link to the same view as CSV; the browser downloads it with the session cookie (same origin). */
export function DownloadCsv({ href, what }: { href: string; what: string }) {
  return (
    <a class="csv" href={href} download>
      Download CSV<span class="visually-hidden"> of {what}</span>
    </a>
  );
}

/** A read of an insight view, its JSON body. */
export async function get<T>(path: string) {
  return (await request<T>('GET', path)).data;
}
