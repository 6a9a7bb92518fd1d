/**
 * Removes personal data from text before it leaves for Azure OpenAI: e-mail addresses, phone numbers,
 * payment card numbers (Luhn-checked, so order numbers survive), and secrets (bearer tokens, JWTs, API
 * keys, long hex or base64 runs). Each is replaced by a typed placeholder, so the model still knows
 * something was there. Applied to everything in the prompt: the page path, the element selector, the
 * user's question, even the tenant's step text.
 */

type ScrubKind = 'email' | 'phone' | 'card' | 'token' | 'iban';

interface Rule {
  kind: ScrubKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// Order matters: secrets and cards before phones, whose pattern would otherwise eat their digits.
const RULES: Rule[] = [
  { kind: 'token', pattern: /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}\b/g },
  { kind: 'token', pattern: /\b(?:bearer|basic)\s+[\w\-.~+/]{12,}=*/gi },
  { kind: 'token', pattern: /\b(?:sk|pk|rk|ghp|gho|xox[abpr]|AKIA)[-_]?[A-Za-z0-9_-]{12,}\b/g },
  {
    kind: 'token',
    pattern: /\b(?:api[-_]?key|token|secret|password|passwd|pwd|session|sig|signature|auth)=([^\s&#/]{6,})/gi,
  },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g },
  // International numbers first: a card number never starts with "+".
  {
    kind: 'phone',
    pattern: /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\d)/g,
    accept: (m) => {
      const n = m.replace(/\D/g, '').length;
      return n >= 8 && n <= 15;
    },
  },
  {
    kind: 'card',
    pattern: /\b(?:\d[ -]?){12,18}\d\b/g,
    accept: (m) => {
      const digits = m.replace(/\D/g, '');
      return digits.length >= 13 && digits.length <= 19 && luhn(digits);
    },
  },
  // North American: (415) 555-0132, 415-555-0132, 415.555.0132.
  { kind: 'phone', pattern: /(?:\(\d{3}\)\s?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b/g },
  // National numbers with a trunk 0: 06 12 34 56 78, 0612345678, 030 1234 5678.
  { kind: 'phone', pattern: /\b0\d(?:[ .-]?\d{2}){4}\b|\b0\d{9,10}\b|\b0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}\b/g },
  // Long opaque runs (hex ids, base64 secrets) say nothing a model needs.
  { kind: 'token', pattern: /\b[A-Fa-f0-9]{32,}\b/g },
  {
    kind: 'token',
    pattern:
      /\b(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Z])(?=[A-Za-z0-9+/_-]*[a-z])[A-Za-z0-9+/_-]{32,}={0,2}/g,
  },
];

interface ScrubResult {
  text: string;
  /** How many of each kind were removed. */
  found: Partial<Record<ScrubKind, number>>;
}

/**
 * @example
 * scrubPersonalData('mail me at ada@example.com').text; // 'mail me at [email]'
 */
export function scrubPersonalData(input: string): ScrubResult {
  let text = input;
  const found: Partial<Record<ScrubKind, number>> = {};
  for (const rule of RULES) {
    text = text.replace(rule.pattern, (match, group?: unknown) => {
      if (rule.accept && !rule.accept(match)) return match;
      found[rule.kind] = (found[rule.kind] ?? 0) + 1;
      // For key=value secrets keep the key: "token=[token]" still tells the model what the URL was.
      if (typeof group === 'string' && match.endsWith(group))
        return `${match.slice(0, match.length - group.length)}[${rule.kind}]`;
      return `[${rule.kind}]`;
    });
  }
  return { text, found };
}

/** Just the scrubbed text. */
export const scrub = (input: string): string => scrubPersonalData(input).text;
