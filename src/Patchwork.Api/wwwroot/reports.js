// Analysts' and commissioners' reports. Loaded only when a report is opened, so practitioners' phones never fetch it.
// The API decides who may see which report: this module asks whatever the route names and shows any refusal as it is.
import { h, field, show } from './dom.js';
import { graphql, downloadCsv } from './api.js';
import { heading, section, submitButton, fieldError, busy } from './screens.js';
import * as format from './format.js';

const SUPPRESSED = 'fewer than 5';
const PAGE = 20;

const agencyKinds = [
  ['COUNTY_COUNCIL', 'County council'], ['DISTRICT_COUNCIL', 'District council'], ['HEALTH', 'Health'],
  ['SCHOOL', 'School'], ['FIRE', 'Fire and rescue'], ['POLICE', 'Police'], ['HOUSING', 'Housing'],
  ['VOLUNTARY', 'Voluntary sector'], ['OTHER', 'Other'],
];
const reasonNames = {
  NO_RECENT_CONTACT: 'No recent contact',
  NO_ACTIVE_INVOLVEMENT: 'Nobody involved',
  ONLY_OVERDUE_VISITS: 'Only overdue visits',
};

/** Each report: its route, title, what it answers, its CSV name, and whether it has an as-of date. */
const REPORTS = [
  { id: 'density', title: 'Network density', csv: 'network-density', asOf: true, render: density,
    about: 'How many agencies and practitioners work with each family, by area.' },
  { id: 'families', title: 'Family networks', csv: 'family-networks', asOf: true, render: familyNetworks,
    about: 'Families grouped by area, how many agencies work with them and how recently they were contacted.' },
  { id: 'pairs', title: 'Agencies working together', csv: 'agency-co-involvement', asOf: true, render: agencyPairs,
    about: 'Pairs of agencies working with the same families.' },
  { id: 'caseloads', title: 'Caseloads', csv: 'caseloads', asOf: true, render: caseloads,
    about: 'Families and clients per agency, and how they spread over practitioners.' },
  { id: 'no-contact', title: 'Families with no contact', csv: 'families-without-contact', asOf: false, render: noContact,
    about: 'Families nobody had contacted for a while, or with nobody involved, at the start of this week; ask for a follow-up.', commissioners: true },
];

export async function reports(container, ctx) {
  const report = REPORTS.find((r) => r.id === ctx.id);
  if (!ctx.id) return overview(container, ctx);
  if (!report) {
    show(container, heading('Report not found'), h('p', {}, h('a', { href: '#/reports' }, 'See the reports')));
    return undefined;
  }
  return report.render(container, ctx, report);
}

// ---- the overview ----

const isCommissioner = (me) => me.roles.includes('COMMISSIONER');
const isAnalyst = (me) => me.roles.includes('ANALYST') || isCommissioner(me);

function overview(container, ctx) {
  if (!isAnalyst(ctx.me)) {
    show(container, heading('Reports are for analysts and commissioners'),
      h('p', { class: 'problem' }, 'Your account has neither role, so Patchwork will not show you any report.'));
    return;
  }
  const mine = REPORTS.filter((r) => !r.commissioners || isCommissioner(ctx.me));
  show(container, heading('Reports', 'Aggregates and pseudonymous family references only: never names or contact details.'),
    h('ul', { class: 'cards report-list' }, mine.map((r) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: `#/reports/${r.id}` }, r.title)), h('p', {}, r.about)))),
    suppressionNote());
}

function suppressionNote() {
  return h('p', { class: 'hint suppression-note' },
    `To keep families from being identified, counts of 1 to 4 are shown as “${SUPPRESSED}” and other counts are rounded `
    + 'to the nearest 5; an area with fewer than 5 families shows nothing else and counts in no total.');
}

function reportNav(current, me) {
  const mine = REPORTS.filter((r) => !r.commissioners || isCommissioner(me));
  return h('nav', { class: 'report-nav', 'aria-label': 'Reports' }, h('ul', {}, mine.map((r) => h('li', {},
    h('a', { href: `#/reports/${r.id}`, 'aria-current': r.id === current.id ? 'page' : undefined }, r.title)))));
}

// ---- filters, shared by every report ----

const AREAS = '{ networkDensity { areas { area } } }';
let knownAreas = null;

/** The areas to choose from, asked once per page load (the density report's areas are every area with families). */
async function areaNames() {
  knownAreas ??= graphql(AREAS).then((d) => d.networkDensity.areas.map((a) => a.area))
    .catch((error) => { knownAreas = null; throw error; });
  return knownAreas;
}

/** The report's arguments from the address (#/reports/density?area=…&agencyKind=HEALTH&asOf=2026-05-31). */
function argumentsOf(params, report) {
  const args = { area: params.get('area') || null, agencyKind: params.get('agencyKind') || null };
  if (report.asOf) args.asOf = params.get('asOf') || null;
  return args;
}

/** The same arguments as a CSV download's query string. */
function csvParams(args) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(args)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

function select(name, value, options, emptyText) {
  return h('select', { name }, h('option', { value: '' }, emptyText),
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** The month this is (yyyy-mm, UTC): reports look back only at months that have ended, so it is the first refused. */
function thisMonthUtc() {
  return new Date().toISOString().slice(0, 7);
}

/** The last day of a month given as yyyy-mm, as yyyy-mm-dd. */
function monthEnd(month) {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

function previousMonth(month) {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 2, 1)).toISOString().slice(0, 7);
}

/** The filter form: area, kind of agency, and (where it applies) the month end to see the network as it was. */
function filterForm(report, params, areas, ctx, extra = () => []) {
  const area = params.get('area') ?? '';
  const areaOptions = [...new Set([...areas, ...(area ? [area] : [])])].map((a) => [a, a]);
  const asOf = h('input', {
    type: 'month', name: 'asOfMonth', value: (params.get('asOf') ?? '').slice(0, 7), max: previousMonth(thisMonthUtc()),
  });
  const form = h('form', {
    class: 'filters', novalidate: true, onsubmit(event) {
      event.preventDefault();
      if (report.asOf && asOf.value && !/^\d{4}-\d{2}$/.test(asOf.value)) return fieldError(asOf, 'Enter a month as yyyy-mm.');
      if (report.asOf && asOf.value >= thisMonthUtc()) return fieldError(asOf, 'Choose a month that has ended.');
      const next = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (value) next.append(key === 'asOfMonth' ? 'asOf' : key, key === 'asOfMonth' ? monthEnd(value) : value);
      }
      return ctx.go(`#/reports/${report.id}${next.size ? `?${next}` : ''}`);
    },
  },
  h('fieldset', {}, h('legend', {}, 'Filter the report'),
    h('div', { class: 'filter-fields' },
      field({ id: `${report.id}-area`, label: 'Area', control: select('area', area, areaOptions, 'All areas') }),
      field({
        id: `${report.id}-kind`, label: 'Kind of agency', hint: 'Only this kind of agency’s work counts',
        control: select('agencyKind', params.get('agencyKind') ?? '', agencyKinds, 'All kinds'),
      }),
      report.asOf && field({
        id: `${report.id}-as-of`, label: 'As it was at the end of (optional)', hint: `A month that has ended; ${report.id === 'families' ? 'last month' : 'now'} when empty`, control: asOf,
      }),
      extra()),
    submitButton('Show report')));
  return form;
}

function downloadButton(report, args, ctx) {
  const status = h('p', { class: 'download-status', role: 'status' });
  const button = h('button', {
    type: 'button', class: 'button secondary', async onclick() {
      button.disabled = true;
      try {
        const filename = await downloadCsv(report.csv, csvParams(args));
        status.textContent = `Downloaded ${filename}.`;
      } catch (error) {
        ctx.fail(error);
      } finally {
        button.disabled = false;
      }
    },
  }, `Download ${report.title.toLowerCase()} (CSV)`);
  return h('div', { class: 'download' }, button, status);
}

/**
 * Lays a report out: its heading, the reports' navigation, the filters and the download, then asks the API for the
 * data. A refusal (a practitioner, or an analyst asking for a commissioner's report) is shown as the API gives it.
 */
async function reportScreen(container, ctx, report, { load, body, extra, args: given }) {
  show(container, heading(report.title, report.about), h('p', { class: 'loading' }, 'Loading the report…'));
  const args = given ?? argumentsOf(ctx.params, report);
  const [areas, data] = await Promise.allSettled([areaNames(), load(args)]);
  const refused = areas.reason ?? data.reason;
  if (areas.status === 'rejected' || (refused && refused.code !== 'BAD_USER_INPUT')) {
    show(container, heading(report.title, report.about), reportNav(report, ctx.me),
      h('p', {}, refused.code === 'FORBIDDEN' ? 'This report is not open to your account.' : 'The report could not be shown.'));
    ctx.fail(refused);
    return;
  }
  const form = filterForm(report, ctx.params, areas.value, ctx, extra);
  if (refused) { // a filter the API would not take: keep the form, so it can be put right
    show(container, heading(report.title, report.about), reportNav(report, ctx.me), form);
    ctx.fail(refused);
    return;
  }
  show(container, heading(report.title, report.about), reportNav(report, ctx.me),
    form,
    suppressionNote(),
    downloadButton(report, args, ctx),
    body(data.value, args));
}

// ---- small parts for numbers ----

const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

function suppressed() {
  return h('span', { class: 'suppressed' }, SUPPRESSED);
}

/** A published count: its value, or "fewer than 5" when it is suppressed — never a number then. */
function count(c) {
  return c.suppressed ? suppressed() : String(c.value);
}

function share(s) {
  if (s.count.suppressed) return suppressed();
  return s.share === null ? String(s.count.value) : `${s.count.value} (${percent.format(s.share)})`;
}

const mean = (n) => (n === null || n === undefined ? '–' : decimal.format(n));

/** A row: the first cell heads it; a cell given as { colspan, content } spans columns. */
function tableRow(cells) {
  return h('tr', {}, cells.map((cell, i) => (i === 0
    ? h('th', { scope: 'row' }, cell)
    : h('td', cell?.colspan ? { colspan: cell.colspan } : {}, cell?.colspan ? cell.content : cell))));
}

/** A data table that scrolls sideways inside its own focusable region on a narrow screen, never the page. */
function table(id, caption, head, rows, foot) {
  const captionId = `${id}-caption`;
  return h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
    h('table', { id },
      h('caption', { id: captionId }, caption),
      h('thead', {}, h('tr', {}, head.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.map(tableRow)),
      foot && h('tfoot', {}, foot.map(tableRow))));
}

// ---- network density ----

const DENSITY_FIELDS = `area suppressed families { value suppressed }
  practitionersPerFamily { mean median } agenciesPerFamily { mean median buckets { label count { value suppressed } } }
  threeOrMoreAgencies { count { value suppressed } share } singleAgency { count { value suppressed } share }
  noKeyWorker { count { value suppressed } share }`;
const DENSITY = `query Density($area: String, $agencyKind: AgencyKind, $asOf: DateOnly) {
  networkDensity(area: $area, agencyKind: $agencyKind, asOf: $asOf) { areas { ${DENSITY_FIELDS} } overall { ${DENSITY_FIELDS} } } }`;

function density(container, ctx, report) {
  return reportScreen(container, ctx, report, {
    load: async (args) => (await graphql(DENSITY, args)).networkDensity,
    body: (d) => [
      section('Agencies per family, by area', densityChart(d.areas)),
      section('By area', densityTable(d)),
      section('How many agencies each family has', bucketTable(d)),
    ],
  });
}

/** A bar per area, its value in text beside it; a suppressed area gets words, not a bar. */
function densityChart(areas) {
  const values = areas.filter((a) => !a.suppressed).map((a) => a.agenciesPerFamily.mean ?? 0);
  const max = Math.max(1, ...values);
  return h('figure', { class: 'chart' },
    h('figcaption', {}, 'Mean number of agencies working with each family'),
    h('ul', { class: 'bars' }, areas.map((a) => h('li', {},
      h('span', { class: 'bar-label' }, a.area),
      a.suppressed
        ? h('span', { class: 'bar-value wide' }, suppressed(), ' families: not shown')
        : [bar((a.agenciesPerFamily.mean ?? 0) / max), h('span', { class: 'bar-value' }, mean(a.agenciesPerFamily.mean))]))));
}

function bar(fraction) {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(fraction * 100)}%`; // CSSOM, which the page's style-src policy allows
  return h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill);
}

function densityRow(a, name) {
  if (a.suppressed) return [name, count(a.families), { colspan: 6, content: 'Nothing else is shown for an area this small.' }];
  return [name, count(a.families),
    `${mean(a.agenciesPerFamily.mean)} (median ${mean(a.agenciesPerFamily.median)})`,
    `${mean(a.practitionersPerFamily.mean)} (median ${mean(a.practitionersPerFamily.median)})`,
    share(a.threeOrMoreAgencies), share(a.singleAgency), share(a.noKeyWorker)];
}

function densityTable(d) {
  return table('density-table', 'Network density by area',
    ['Area', 'Families', 'Agencies per family', 'Practitioners per family', 'Three or more agencies', 'One agency only', 'No key worker'],
    d.areas.map((a) => densityRow(a, a.area)),
    [densityRow(d.overall, 'All areas shown')]);
}

function bucketTable(d) {
  const labels = d.overall.agenciesPerFamily.buckets.map((b) => b.label);
  const row = (a, name) => (a.suppressed
    ? [name, { colspan: labels.length, content: h('span', {}, suppressed(), ' families: not shown') }]
    : [name, ...a.agenciesPerFamily.buckets.map((b) => count(b.count))]);
  return table('bucket-table', 'Families by number of agencies working with them',
    ['Area', ...labels.map((l) => `${l} ${l === '1' ? 'agency' : 'agencies'}`)],
    d.areas.map((a) => row(a, a.area)), [row(d.overall, 'All areas shown')]);
}

// ---- family networks ----

const FAMILIES = `query Families($area: String, $agencyKind: AgencyKind, $asOf: DateOnly) {
  familyNetworks(area: $area, agencyKind: $agencyKind, asOf: $asOf) {
    area agencies lastContact families { value suppressed } withKeyWorker { value suppressed } withVisitPlanned { value suppressed }
    practitionersPerFamily membersWithInvolvementShare } }`;

const agencyBands = { NONE: 'None', ONE: 'One', TWO: 'Two', THREE_OR_MORE: 'Three or more' };

const recencyNames = {
  WITHIN_A_MONTH: 'Within a month', ONE_TO_THREE_MONTHS: '1 to 3 months ago', THREE_TO_SIX_MONTHS: '3 to 6 months ago',
  SIX_TO_TWELVE_MONTHS: '6 to 12 months ago', OVER_A_YEAR: 'Over a year ago', NEVER: 'Never',
};

function familyNetworks(container, ctx, report) {
  return reportScreen(container, ctx, report, {
    load: async (args) => (await graphql(FAMILIES, args)).familyNetworks,
    body: (groups) => {
      const rowOf = (g) => [g.area, agencyBands[g.agencies] ?? g.agencies, recencyNames[g.lastContact] ?? g.lastContact,
        count(g.families), count(g.withKeyWorker), count(g.withVisitPlanned),
        mean(g.practitionersPerFamily), percent.format(g.membersWithInvolvementShare)];
      return section('Families, in groups of at least ten',
        h('p', { class: 'hint' }, 'Families are shown in groups so that no figure is about one family; smaller groups are left out.'),
        table('family-table', 'Family networks, by area, agencies and last contact',
          ['Area', 'Agencies', 'Last contact', 'Families', 'With a key worker', 'With a visit planned',
            'Practitioners per family', 'Members with someone involved'],
          groups.map(rowOf)));
    },
  });
}

/**
 * A "Load more" button that fetches the next page by its cursor and appends it; a polite status says how many are
 * shown. When the last page has come, the button goes and focus moves to that status, so it is not lost.
 */
function loadMore(first, noun, fetchNext, ctx) {
  const status = h('p', { class: 'page-status', role: 'status', tabindex: '-1' });
  let cursor = first.endCursor;
  const button = h('button', {
    type: 'button', class: 'button secondary', async onclick() {
      button.disabled = true;
      try {
        const { page, shown } = await fetchNext(cursor);
        cursor = page.endCursor;
        status.textContent = `Showing ${shown} ${noun}${page.hasNextPage ? '' : ' — that is all of them'}.`;
        if (!page.hasNextPage) {
          button.remove();
          status.focus();
        }
      } catch (error) {
        ctx.fail(error);
      } finally {
        button.disabled = false;
      }
    },
  }, `Load more ${noun}`);
  const rows = first.rows.length;
  status.textContent = rows === 0 ? `No ${noun} match.` : `Showing ${rows} ${noun}${first.hasNextPage ? '' : ' — that is all of them'}.`;
  return h('div', { class: 'pager' }, status, first.hasNextPage && button);
}

// ---- agencies working together ----

const PAIRS = `query Pairs($area: String, $agencyKind: AgencyKind, $asOf: DateOnly) {
  agencyCoInvolvement(area: $area, agencyKind: $agencyKind, asOf: $asOf) { area first { name } second { name } families { value suppressed } } }`;

function agencyPairs(container, ctx, report) {
  return reportScreen(container, ctx, report, {
    load: async (args) => (await graphql(PAIRS, args)).agencyCoInvolvement,
    body: (pairs, args) => {
      // With an area chosen the answer holds that area's pairs; otherwise the pairs over every published area.
      const shown = pairs.filter((p) => p.area === (args.area ?? null));
      return section(args.area ? `Pairs in ${args.area}` : 'Pairs across all areas',
        shown.length === 0 ? h('p', {}, 'No two agencies work with the same family here.')
          : table('pairs-table', 'Agencies working with the same families', ['Agencies', 'Families in common'],
            shown.map((p) => [`${p.first.name} and ${p.second.name}`, count(p.families)])));
    },
  });
}

// ---- caseloads ----

const CASELOADS = `query Caseloads($area: String, $agencyKind: AgencyKind, $asOf: DateOnly) {
  caseloads(area: $area, agencyKind: $agencyKind, asOf: $asOf) { agency { name }
    practitioners { value suppressed } families { value suppressed } clients { value suppressed }
    familiesPerPractitioner { mean median } clientsPerPractitioner { mean median } } }`;

function caseloads(container, ctx, report) {
  return reportScreen(container, ctx, report, {
    load: async (args) => (await graphql(CASELOADS, args)).caseloads,
    body: (rows) => {
      const rowOf = (c) => [c.agency?.name ?? 'All agencies', count(c.practitioners), count(c.families), count(c.clients),
        `${mean(c.familiesPerPractitioner.mean)} (median ${mean(c.familiesPerPractitioner.median)})`,
        `${mean(c.clientsPerPractitioner.mean)} (median ${mean(c.clientsPerPractitioner.median)})`];
      return section('By agency', table('caseload-table', 'Caseloads by agency',
        ['Agency', 'Practitioners', 'Families', 'Clients', 'Families per practitioner', 'Clients per practitioner'],
        rows.filter((c) => c.agency).map(rowOf), rows.filter((c) => !c.agency).map(rowOf)));
    },
  });
}

// ---- families with no contact (commissioners) ----

const NO_CONTACT = `query NoContact($area: String, $agencyKind: AgencyKind, $days: Int, $reasons: [NoContactReason!], $after: String) {
  familiesWithoutContact(area: $area, agencyKind: $agencyKind, days: $days, reasons: $reasons, first: ${PAGE}, after: $after) {
    rows { reference area lastContact hasActiveInvolvement onlyOverdueVisits reasons } endCursor hasNextPage } }`;

const dayChoices = [['30', 'a month (30 days)'], ['90', '3 months (90 days)'], ['180', '6 months (180 days)'], ['365', 'a year (365 days)']];

function noContactArguments(params) {
  const days = params.get('days');
  return {
    area: params.get('area') || null,
    agencyKind: params.get('agencyKind') || null,
    days: dayChoices.some(([d]) => d === days) ? Number(days) : 90,
    reasons: params.getAll('reasons').filter((r) => r in reasonNames),
  };
}

function noContactFilters(params) {
  return () => {
    const chosen = params.getAll('reasons');
    return [
      field({
        id: 'no-contact-days', label: 'No contact for at least', hint: 'As at the start of this week',
        control: h('select', { name: 'days' }, dayChoices.map(([value, text]) =>
          h('option', { value, selected: value === (params.get('days') ?? '90') }, text))),
      }),
      h('fieldset', { class: 'choices' }, h('legend', {}, 'Why (any of these; all when none is ticked)'),
        Object.entries(reasonNames).map(([value, text]) => h('div', { class: 'choice' },
          h('input', { type: 'checkbox', name: 'reasons', id: `reason-${value}`, value, checked: chosen.includes(value) }),
          h('label', { for: `reason-${value}` }, text)))),
    ];
  };
}

async function noContact(container, ctx, report) {
  const args = noContactArguments(ctx.params);
  return reportScreen(container, ctx, report, {
    args,
    extra: noContactFilters(ctx.params),
    load: async (a) => (await graphql(NO_CONTACT, { ...a, reasons: a.reasons.length ? a.reasons : null, after: null })).familiesWithoutContact,
    body: (page, a) => {
      const list = h('ul', { class: 'cards no-contact' }, page.rows.map((f) => h('li', {}, noContactCard(f, ctx))));
      return section('Families', list, loadMore(page, 'families', async (after) => {
        const next = (await graphql(NO_CONTACT, { ...a, reasons: a.reasons.length ? a.reasons : null, after })).familiesWithoutContact;
        list.append(...next.rows.map((f) => h('li', {}, noContactCard(f, ctx))));
        return { page: next, shown: list.children.length };
      }, ctx));
    },
  });
}

function noContactCard(f, ctx) {
  return h('article', { class: 'card family-ref' },
    h('h3', {}, f.reference),
    h('p', { class: 'agency' }, f.area),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Last contact'), h('dd', {}, recencyNames[f.lastContact] ?? f.lastContact)),
      h('div', {}, h('dt', {}, 'Anyone involved'), h('dd', {}, f.hasActiveInvolvement ? 'Yes' : 'Nobody')),
      h('div', {}, h('dt', {}, 'Why listed'), h('dd', {}, f.reasons.map((r) => reasonNames[r] ?? r).join('; ')))),
    followUpDisclosure(f, ctx));
}

const FOLLOW_UP = `mutation FollowUp($reference: String!, $reason: String!) {
  requestFollowUp(reference: $reference, reason: $reason) { reference requestedAt route agencies { name } } }`;

/** A "Request follow-up" button that opens the form asking why, then shows where the request went. */
function followUpDisclosure(f, ctx) {
  const slot = h('div', { class: 'follow-up' });
  const open = h('button', {
    type: 'button', class: 'button', 'aria-expanded': 'false', onclick() {
      show(slot, followUpForm(f, slot, ctx));
      open.setAttribute('aria-expanded', 'true');
      open.hidden = true;
      slot.querySelector('textarea').focus();
    },
  }, h('span', {}, 'Request follow-up'), h('span', { class: 'visually-hidden' }, ` for ${f.reference}`));
  return [open, slot];
}

function followUpForm(f, slot, ctx) {
  const reason = h('textarea', { name: 'reason', rows: 3, maxlength: 500 });
  const form = h('form', {
    class: 'panel', novalidate: true, async onsubmit(event) {
      event.preventDefault();
      if (!reason.value.trim()) return fieldError(reason, 'Say why this family should be followed up.');
      let refusedInput = null;
      await busy(form, async () => {
        try {
          const { requestFollowUp: receipt } = await graphql(FOLLOW_UP, { reference: f.reference, reason: reason.value.trim() });
          const done = h('p', { class: 'notice', tabindex: '-1' }, receiptText(receipt));
          show(slot, done);
          done.focus();
        } catch (error) {
          // The API's own words say what to change; anything else (not found, a clash, a fault) goes to the alert.
          if (error.code === 'BAD_USER_INPUT') refusedInput = error.message;
          else ctx.fail(error);
        }
      });
      // Only once the form is enabled again can the field take focus.
      return refusedInput === null || fieldError(reason, refusedInput);
    },
  },
  field({
    id: `follow-up-${f.reference}`, label: `Why should ${f.reference} be followed up?`,
    hint: 'The family’s team (or, if it has none, agencies’ duty contacts) sees this. They are not told who asked.', control: reason,
  }),
  submitButton('Send follow-up request'));
  return form;
}

function receiptText(r) {
  const agencies = r.agencies.map((a) => a.name).join(', ');
  return r.route === 'TEAM'
    ? `Follow-up requested for ${r.reference} on ${format.dateTime(r.requestedAt)}: sent to the family’s team (${agencies}).`
    : `Follow-up requested for ${r.reference} on ${format.dateTime(r.requestedAt)}: the family has no team, so it went to the duty contacts of ${agencies}.`;
}
