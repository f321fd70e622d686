// Shared by every workspace page: API calls with the session and CSRF token, the header, formatting, tables.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.split('=')[1]) : '';
}

export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 401) {
    location.href = '/login';
    throw new ApiError(401, { detail: 'Please log in' });
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof payload === 'object' ? payload : { detail: payload });
  return payload;
}

const NAV = [
  { href: '/tasks', label: 'Task inbox', groups: ['credit-analysts', 'credit-managers', 'collectors', 'ar-clerks', 'sales', 'warehouse'] },
  { href: '/orders', label: 'Orders', groups: ['sales'] },
  // the account page: the same groups as GET /api/customer-accounts (not sales: no payments, score or audit trail)
  { href: '/customers', label: 'Customers', groups: ['credit-analysts', 'credit-managers', 'collectors', 'ar-clerks'] },
  { href: '/statements', label: 'Bank statements', groups: ['ar-clerks'] },
  { href: '/worklist', label: 'Worklist', groups: ['collectors', 'credit-managers'] },
  // not the warehouse: it reads only the disputes routed to it, from its tasks
  { href: '/disputes', label: 'Disputes', groups: ['collectors', 'ar-clerks', 'sales', 'credit-analysts', 'credit-managers', 'operators'] },
  { href: '/documents', label: 'Documents', groups: ['ar-clerks', 'collectors', 'credit-analysts', 'credit-managers', 'operators'] },
  { href: '/dashboard', label: 'Receivables', groups: ['ar-clerks', 'collectors', 'credit-analysts', 'credit-managers', 'operators'] },
  { href: '/console', label: 'Process console', groups: ['operators'] },
  { href: '/models', label: 'Models', groups: ['business-analysts', 'operators'] },
  { href: '/backtest', label: 'Policy back-test', groups: ['business-analysts', 'credit-managers'] },
  { href: '/api-browser', label: 'API', groups: ['*'] },
];

/** A link to the customer's account page for those who may read it (its NAV groups); the text alone for others. */
export function accountLink(me, customerId, text) {
  const readers = NAV.find((item) => item.href === '/customers').groups;
  return allowed(me, readers)
    ? el('a', { href: `/customer?id=${encodeURIComponent(customerId)}`, class: 'account-link' }, text)
    : text;
}

export function allowed(me, groups) {
  return groups.includes('*') || groups.some((group) => me.groups.includes(group));
}

/** Draws the header for the signed-in user and returns who they are. */
export async function boot(active) {
  const me = await api('/api/me');
  const header = el('header', { class: 'top' },
    el('a', { href: '/', class: 'brand', style: 'color:#fff' }, 'O2C Credit'),
    el('nav', {}, ...NAV.filter((item) => allowed(me, item.groups)).map((item) =>
      el('a', { href: item.href, class: item.href === active ? 'active' : '' }, item.label))),
    el('div', { class: 'who' },
      el('span', { id: 'whoami', title: me.groups.join(', ') }, `${me.displayName} (${me.username})`),
      el('form', { method: 'post', action: '/logout' },
        el('input', { type: 'hidden', name: '_csrf', value: csrfToken() }),
        el('button', { type: 'submit', id: 'logout' }, 'Log out'))));
  document.body.prepend(header);
  return me;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '';
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch {
    return `${Number(amount).toFixed(2)} ${currency || ''}`;
  }
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function age(instant, now = Date.now()) {
  if (!instant) return '';
  const hours = Math.max(0, Math.round((now - new Date(instant).getTime()) / 3600000));
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

export function badge(text, tone) {
  return el('span', { class: `badge ${tone || ''}` }, text);
}

export function statusTone(status) {
  return ({ COMPLETED: 'ok', PAID: 'ok', WRITTEN_OFF: 'bad', POSTED: 'ok', APPROVED: 'ok', ACTIVE: 'info', OPEN: 'info',
    CREDIT_REVIEW: 'warn', PARTIALLY_PAID: 'warn', NEEDS_CLERK: 'warn', INCIDENT: 'bad', REJECTED: 'bad', MATCHED: 'info',
    TERMINATED: 'bad', RESOLVED: 'ok' })[status] || '';
}

export function showError(container, error) {
  const field = error.problem?.field ? ` (field: ${error.problem.field})` : '';
  container.replaceChildren(el('div', { class: 'alert error', role: 'alert' }, `${error.message}${field}`));
}

/**
 * A table whose columns sort on click. Columns: {label, value(row) for sorting, render(row) for display, num}.
 */
export function sortableTable(columns, rows, { empty = 'Nothing here.', id } = {}) {
  let sortIndex = -1;
  let ascending = true;
  const body = el('tbody');
  const draw = () => {
    const sorted = [...rows];
    if (sortIndex >= 0) {
      const value = columns[sortIndex].value;
      sorted.sort((a, b) => {
        const x = value(a); const y = value(b);
        const order = x === y ? 0 : (x === null || x === undefined) ? 1 : (y === null || y === undefined) ? -1
          : x > y ? 1 : -1;
        return ascending ? order : -order;
      });
    }
    body.replaceChildren(...(sorted.length ? sorted.map((row) => el('tr', {},
      ...columns.map((column) => el('td', { class: column.num ? 'num' : '' }, column.render(row)))))
      : [el('tr', {}, el('td', { colspan: columns.length, class: 'muted' }, empty))]));
  };
  const head = el('tr', {}, ...columns.map((column, index) => el('th', {
    class: `${column.value ? 'sortable' : ''} ${column.num ? 'num' : ''}`,
    onclick: column.value ? () => { ascending = sortIndex === index ? !ascending : true; sortIndex = index; draw(); }
      : undefined,
  }, column.label)));
  draw();
  return el('table', { id }, el('thead', {}, head), body);
}

/**
 * Table columns for how a credit note was split (billing's CreditNoteView): taken off the invoice's open amount, the
 * bad debt, discount and deduction it reversed, and what it left the customer as credit.
 */
export const creditNoteSplit = [
  ['Applied to invoice', 'appliedAmount'], ['Bad-debt reversal', 'badDebtReversalAmount'],
  ['Discount reversal', 'discountReversalAmount'], ['Deduction reversal', 'deductionReversalAmount'],
  ['Customer credit', 'customerCreditAmount'],
].map(([label, field]) => ({ label, num: true, value: (n) => Number(n[field]), render: (n) => money(n[field], n.currency) }));

/** A titled panel around the given content. */
export function panel(title, ...content) {
  return el('div', { class: 'panel' }, el('h2', {}, title), ...content);
}

export function facts(pairs) {
  return el('dl', { class: 'facts' }, ...pairs.filter(Boolean).flatMap(([term, value]) => [el('dt', {}, term),
    el('dd', {}, value)]));
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
