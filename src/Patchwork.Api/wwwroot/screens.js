// The screens. Each one asks the API for what it shows and renders it; the API decides what the user may see.
import { h, field, show } from './dom.js';
import { graphql, ApiError } from './api.js';
import * as signIn from './sign-in.js';
import * as format from './format.js';

const PRACTITIONER = 'id name role email mobile landline preferredContact';
const MEMBER = `restricted notice since lastContactAt nextVisitAt
  practitioner { ${PRACTITIONER} }
  agency { name dutyPhone dutyEmail }
  supports { id givenName }`;
const VISIT = 'id scheduledFor completedAt mode status client { id givenName } practitioner { id name }';
const BREAK_GLASS = 'breakGlassViews { at category practitionerName role agency { name } }';

// ---- small parts (reports.js uses them too) ----

const phoneText = (number) => number.replace(/^(\d{5})(\d{6})$/, '$1 $2');

/** A mail link to this one address: each side of the @ encoded, so nothing in it can add recipients, a subject or a body. */
const mailHref = (address) => {
  const at = address.lastIndexOf('@');
  return at < 0
    ? `mailto:${encodeURIComponent(address)}`
    : `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
};

/** A call link to this number: its digits and + only, whatever else the value holds. */
const telHref = (number) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** Where a client lives; a shielded client's address is shown only to their own team, and the API sends none. */
const livesAt = (c) => (c.address === null ? 'Shielded: address known to their own team only' : `${c.address}, ${c.postcode}`);

/** An email address that may wrap before its @ on a narrow screen, not in the middle of a word. */
const emailText = (address) => {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : [address.slice(0, at), h('wbr'), address.slice(at)];
};

/** A household's name as a heading starts: "the Okafor household" heads its section as "The Okafor household". */
const headingCase = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export function heading(text, sub) {
  return h('div', { class: 'screen-heading' }, h('h1', {}, text), sub && h('p', { class: 'lead' }, sub));
}

export function section(title, ...content) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), content);
}

export function submitButton(text) {
  return h('button', { type: 'submit', class: 'button' }, text);
}

/** Marks a field wrong with a message under it, and moves focus there. Returns false for use in checks. */
export function fieldError(control, message) {
  const id = `${control.id}-error`;
  control.closest('.field').querySelector('.field-error')?.remove();
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  control.before(h('p', { class: 'field-error', id }, h('span', { class: 'visually-hidden' }, 'Error: '), message));
  control.focus();
  return false;
}

/** Disables a form while its request runs, so a slow network cannot cause a double submission. */
export async function busy(form, work) {
  const controls = [...form.elements];
  controls.forEach((c) => { c.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    await work();
  } finally {
    controls.forEach((c) => { c.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}

function modeSelect() {
  return h('select', { name: 'mode' }, format.visitModes.map(([value, text]) => h('option', { value }, text)));
}

// ---- sign-in ----

export async function signInScreen(container, { fail, signedIn }) {
  if (signIn.signInMode === 'development') {
    show(container, heading('Sign in', 'Development: choose a demo account. Tokens come from this server\'s development sign-in.'),
      h('p', {}, 'Loading the demo accounts…'));
    let accounts;
    try {
      accounts = await signIn.demoAccounts();
    } catch (error) {
      show(container, heading('Sign in'), h('p', { class: 'problem' }, error.message));
      return;
    }
    const choose = (email) => async (event) => {
      event.currentTarget.disabled = true;
      try {
        await signIn.signInAsDemo(email);
        await signedIn();
      } catch (error) {
        fail(error);
      }
    };
    show(container, heading('Sign in', 'Development: choose a demo account. Tokens come from this server\'s development sign-in.'),
      h('ul', { class: 'accounts' }, accounts.map((a) => h('li', {},
        // Named as it reads, "Hannah Reid, Social worker, …": its two lines alone would be heard without the pause.
        h('button', {
          type: 'button', class: 'account', value: a.email, 'aria-label': `${a.name}, ${a.job}, ${a.agency}`, onclick: choose(a.email),
        },
        h('span', { class: 'account-name' }, a.name),
        h('span', { class: 'account-job' }, `${a.job}, ${a.agency}`))))));
    return;
  }
  if (signIn.signInMode === 'oidc') {
    const returnTo = location.hash.startsWith('#/') ? location.hash : '';
    show(container, heading('Sign in', 'Sign in with the account your organisation gave you.'),
      h('button', {
        type: 'button', class: 'button', onclick: async () => {
          try {
            await signIn.beginProviderSignIn(returnTo);
          } catch (error) {
            fail(error);
          }
        },
      }, 'Sign in with your organisation account'));
    return;
  }
  show(container, heading('Sign in'),
    h('p', { class: 'problem' }, 'Sign-in is not set up on this server yet. An administrator must set WebApp:ClientId and Auth:Authority.'));
}

// ---- search ----

const SEARCH = `query Search($query: String!, $dateOfBirth: DateOnly) {
  searchClients(query: $query, dateOfBirth: $dateOfBirth, first: 20) { id displayName dateOfBirth postcodeDistrict inMyTeam } }`;

async function search(container, ctx) {
  const query = ctx.params.get('q') ?? '';
  const dob = ctx.params.get('dob') ?? '';
  const name = h('input', { type: 'search', name: 'q', value: query, autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search' });
  const born = h('input', { type: 'date', name: 'dob', value: dob });
  const results = h('div', { class: 'results' });
  const form = h('form', {
    role: 'search', novalidate: true, onsubmit(event) {
      event.preventDefault();
      // As the API counts them, so a short search is put right here rather than refused by the API.
      if ((name.value.match(/[\p{L}\p{N}]/gu) ?? []).length < 3) return fieldError(name, 'Enter at least 3 letters of the name.');
      const params = new URLSearchParams({ q: name.value.trim() });
      if (born.value) params.set('dob', born.value);
      return ctx.go(`#/search?${params}`);
    },
  },
  field({ id: 'search-name', label: 'Name', hint: 'Given name, family name or both', control: name }),
  field({ id: 'search-dob', label: 'Date of birth (optional)', control: born }),
  submitButton('Search'));
  show(container, heading('Find a client', 'Search shows minimal details. You see a family\'s team once you are in it.'), form, results);
  if (!query) return;
  try {
    const { searchClients } = await graphql(SEARCH, { query, dateOfBirth: dob || null });
    show(results, matchList(searchClients, query, ctx));
  } catch (error) {
    ctx.fail(error);
  }
}

function matchList(matches, query, ctx) {
  const title = matches.length === 0 ? `No clients found for “${query}”`
    : `${matches.length} ${matches.length === 1 ? 'client' : 'clients'} found for “${query}”`;
  const results = section(title,
    matches.length === 0 && h('p', {}, 'Check the spelling, try fewer letters, or leave out the date of birth.'),
    h('ul', { class: 'cards' }, matches.map((m) => h('li', { class: 'card match' },
      h('h3', {}, m.displayName),
      h('p', {}, `Born ${format.date(m.dateOfBirth)} (${format.age(m.dateOfBirth)}) · ${m.postcodeDistrict}`),
      m.inMyTeam
        ? [h('p', { class: 'badge' }, 'In your team'),
          h('a', { class: 'button', href: `#/client/${encodeURIComponent(m.id)}` }, `Open ${m.displayName}’s team`)]
        : joinDisclosure(m, ctx)))));
  results.querySelector('h2').dataset.focus = ''; // after a search, focus goes to what it found
  return results;
}

// ---- joining a team ----

const JOIN = `mutation Join($clientId: ID!, $reason: String!) { joinTeam(clientId: $clientId, reason: $reason) { id displayName } }`;

/** A "Join team" button that opens the form asking why. */
function joinDisclosure(client, ctx) {
  const slot = h('div', { class: 'join' });
  const open = h('button', {
    type: 'button', class: 'button secondary', 'aria-expanded': 'false', onclick() {
      show(slot, joinForm(client, ctx));
      open.setAttribute('aria-expanded', 'true');
      open.hidden = true;
      slot.querySelector('textarea').focus();
    },
  }, `Join ${client.displayName}’s team`);
  return [open, slot];
}

function joinForm(client, ctx) {
  const reason = h('textarea', { name: 'reason', rows: 3, maxlength: 500 });
  const form = h('form', {
    class: 'panel', novalidate: true, async onsubmit(event) {
      event.preventDefault();
      if (!reason.value.trim()) return fieldError(reason, 'Say why you are joining the team.');
      return busy(form, async () => {
        try {
          const { joinTeam } = await graphql(JOIN, { clientId: client.id, reason: reason.value.trim() });
          ctx.go(`#/client/${encodeURIComponent(joinTeam.id)}`, `You joined ${joinTeam.displayName}’s team.`);
        } catch (error) {
          ctx.fail(error);
        }
      });
    },
  },
  field({
    id: `join-reason-${client.id}`, label: `Why are you joining ${client.displayName}’s team?`,
    hint: 'For example “Allocated after a referral from school”. The team sees it, and it is audited.', control: reason,
  }),
  submitButton('Join team'));
  return form;
}

// ---- the client and family view ----

const CLIENT = `query Client($id: ID!) { client(id: $id) {
  id displayName dateOfBirth address postcode ${BREAK_GLASS}
  team { ${MEMBER} } upcomingVisits(first: 10) { ${VISIT} } recentContacts(first: 10) { ${VISIT} }
  family { id name area members { id displayName familyRelationship dateOfBirth ${BREAK_GLASS} }
    followUpRequests { id requestedAt reason route agencies { name } }
    team { ${MEMBER} } upcomingVisits(first: 10) { ${VISIT} } recentContacts(first: 10) { ${VISIT} } } } }`;

async function client(container, ctx) {
  show(container, heading('Loading…'));
  let data;
  try {
    data = await graphql(CLIENT, { id: ctx.id });
  } catch (error) {
    return clientRefused(container, ctx, error);
  }
  if (!data.client) {
    show(container, heading('Client not found'), h('p', {}, 'No client has this link. Search for them by name instead.'));
    return undefined;
  }
  const c = data.client;
  const around = c.family ?? c;
  const isMine = (m) => m.practitioner !== null && m.practitioner.id === ctx.me.practitioner?.id;
  const mine = around.team.find(isMine);
  const myClients = (mine?.supports ?? []).map((s) => ({ id: s.id, name: s.givenName }));
  // What a practitioner on the doorstep needs first: who else is involved and how to reach them, then the next
  // visits and their own work; the household and the history after.
  show(container,
    heading(c.displayName, `Born ${format.date(c.dateOfBirth)} (${format.age(c.dateOfBirth)}) · ${livesAt(c)}`),
    c.family?.followUpRequests.length > 0 && followUpSection(c.family.followUpRequests),
    breakGlassSection(c),
    teamSection(around.team.filter((m) => !isMine(m))),
    section('Upcoming visits', visitList(around.upcomingVisits, 'upcoming')),
    myClients.length > 0 && section(c.family ? 'Your work with this family' : 'Your work with this client',
      myInvolvement(mine), scheduleForm(myClients, c, ctx), contactForm(myClients, c, ctx), leaveForm(myClients, c, ctx)),
    c.family && familySection(c.family, c.id),
    section('Recent contacts', visitList(around.recentContacts, 'recent')));
  return undefined;
}

/** Everyone else in the team, counted without the viewer, who finds their own part under "Your work". */
function teamSection(others) {
  return section(`Who else is involved (${others.length})`,
    others.length === 0
      ? h('p', {}, 'Nobody else is in the team.')
      : h('ul', { class: 'cards team' }, others.map((m) => h('li', {}, teamCard(m)))));
}

/** A refused view: not in the team offers joining with a reason; anything else is explained. */
function clientRefused(container, ctx, error) {
  if (error.code === 'FORBIDDEN' && /join/i.test(error.message)) {
    show(container, heading('You are not in this client’s team'),
      h('p', {}, error.message),
      joinForm({ id: ctx.id, displayName: 'this client' }, ctx));
    return;
  }
  show(container, heading(error.code === 'NOT_FOUND' ? 'Client not found' : 'This view is not available'));
  ctx.fail(error);
}

function familySection(family, currentId) {
  return section(headingCase(family.name),
    h('p', {}, family.area),
    h('ul', { class: 'members' }, family.members.map((m) => h('li', {},
      m.id === currentId
        ? h('strong', { 'aria-current': 'page' }, m.displayName)
        : h('a', { href: `#/client/${encodeURIComponent(m.id)}` }, m.displayName),
      ` — ${m.familyRelationship ?? 'member'}, ${format.age(m.dateOfBirth)}`))));
}

/** Commissioners' requests that the family be followed up: what they asked and when, never who asked. */
function followUpSection(requests) {
  return h('section', { class: 'follow-ups', 'aria-labelledby': 'section-follow-up' },
    h('h2', { id: 'section-follow-up' }, requests.length === 1 ? 'Follow-up requested' : `Follow-up requested (${requests.length})`),
    h('p', {}, 'A commissioner asked for this family to be followed up. Agree between the team who will contact them.'),
    h('ul', { class: 'links' }, requests.map((r) => h('li', {},
      h('span', { class: 'when' }, format.dateTime(r.requestedAt)), ` (${format.ago(r.requestedAt)}): “${r.reason}”`,
      r.route === 'DUTY' && ' — sent to agencies’ duty contacts, as the family had no team'))));
}

const emergencies = {
  IMMEDIATE_RISK_TO_LIFE: 'immediate risk to life', CHILD_AT_RISK: 'child at risk', ADULT_AT_RISK: 'adult at risk',
  MISSING_PERSON: 'missing person', OTHER_EMERGENCY: 'other emergency',
};

/** Every break-glass view of the household, newest first, each with the member it was of when there is a family. */
function householdBreakGlassViews(c) {
  const views = c.family
    ? c.family.members.flatMap((m) => m.breakGlassViews.map((v) => ({ ...v, of: m.displayName })))
    : c.breakGlassViews;
  return views.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** Someone outside the team saw it in an emergency: the team is told at once, so it can follow it up. */
function breakGlassSection(c) {
  const views = householdBreakGlassViews(c);
  if (views.length === 0) {
    return undefined;
  }
  return h('section', { class: 'break-glass', 'aria-labelledby': 'section-break-glass' },
    h('h2', { id: 'section-break-glass' }, 'Seen without joining the team'),
    h('p', {}, 'A practitioner outside the team saw it under break glass, in an emergency. Information governance reviews each one.'),
    h('ul', { class: 'links' }, views.map((v) => h('li', {},
      `Seen under break glass: ${format.dateTime(v.at)}, ${v.agency.name} (${emergencies[v.category] ?? 'emergency'})`,
      v.practitionerName && ` — ${v.practitionerName}, ${v.role}`,
      v.of && `, viewing ${v.of}`))));
}

function contactLinks(p) {
  const ways = [
    ['MOBILE', p.mobile, 'Call mobile', p.mobile && telHref(p.mobile), p.mobile && phoneText(p.mobile)],
    ['LANDLINE', p.landline, 'Call landline', p.landline && telHref(p.landline), p.landline && phoneText(p.landline)],
    ['EMAIL', p.email, 'Email', p.email && mailHref(p.email), p.email && emailText(p.email)],
  ].filter(([, value]) => value);
  ways.sort(([a], [b]) => (b === p.preferredContact) - (a === p.preferredContact));
  return h('ul', { class: 'contact' }, ways.map(([method, , verb, href, shown], index) =>
    contactLink(href, verb, shown, { first: index === 0, tag: method === p.preferredContact && ' (preferred)' })));
}

/**
 * One way to reach someone, the first choice as the main button. On a phone the buttons are short ("Call mobile")
 * beside the name, the number or address read out by screen readers; wider screens show it.
 */
function contactLink(href, verb, shown, { first = false, tag = false } = {}) {
  return h('li', { class: first ? 'first' : undefined },
    h('a', { href, class: first ? 'button' : 'button secondary' },
      h('span', { class: 'verb' }, verb), ' ', h('span', { class: 'number' }, shown),
      tag && h('span', { class: 'tag' }, tag)));
}

function teamCard(m) {
  if (!m.practitioner) { // a restricted involvement, masked by the API
    return h('article', { class: 'card member restricted' },
      memberHead('Restricted service involved', h('ul', { class: 'contact' },
        contactLink(telHref(m.agency.dutyPhone), 'Call duty line', phoneText(m.agency.dutyPhone), { first: true }),
        contactLink(mailHref(m.agency.dutyEmail), 'Email', emailText(m.agency.dutyEmail)))),
      h('p', { class: 'agency' }, m.agency.name),
      h('p', {}, m.notice ?? 'Contact the service through its duty line.'));
  }
  const p = m.practitioner;
  return h('article', { class: 'card member' },
    memberHead(p.name, contactLinks(p)),
    h('p', { class: 'agency' }, `${p.role}, ${m.agency.name}`),
    m.restricted && h('p', { class: 'restricted-note' }, 'Restricted involvement.'),
    involvementFacts(m));
}

/** Who, and how to reach them, on one line where it fits: what a doorstep needs first. */
const memberHead = (name, contact) => h('div', { class: 'member-head' }, h('h3', {}, name), contact);

/** Whom a team member supports, and when they were last and will next be in contact, in one short block. */
function involvementFacts(m) {
  return h('dl', { class: 'facts' },
    m.supports.length > 0 && h('div', {}, h('dt', {}, 'Supports'), h('dd', {}, m.supports.map((s) => s.givenName).join(', '))),
    h('div', {}, h('dt', {}, 'Last contact'), h('dd', {}, m.lastContactAt ? format.ago(m.lastContactAt) : 'None recorded')),
    h('div', {}, h('dt', {}, 'Next visit'), h('dd', {}, m.nextVisitAt ? format.when(m.nextVisitAt) : 'None booked')));
}

/** The viewer's own part in the team, as the others see it (restricted: as its duty line only). */
function myInvolvement(m) {
  return h('div', { class: 'card me' },
    m.restricted && h('p', { class: 'restricted-note' },
      'Your involvement is restricted: the rest of the team sees only your service’s duty line.'),
    involvementFacts(m));
}

const NEXT_VISITS_SHOWN = 3;

/** Visits, newest or soonest first. Upcoming ones beyond the next few fold away, so the actions stay near the top. */
function visitList(visits, kind) {
  if (visits.length === 0) {
    return h('p', {}, kind === 'upcoming' ? 'No visits booked.' : 'No contacts recorded yet.');
  }
  const list = (some) => h('ul', { class: `visits ${kind}` }, some.map((v) => h('li', {},
    h('span', { class: 'when' }, kind === 'upcoming' ? format.when(v.scheduledFor) : format.dateTime(v.completedAt)),
    ' ', h('span', {}, `${format.mode(v.mode)} with ${v.client.givenName}, by ${v.practitioner.name}`),
    kind === 'recent' && h('span', { class: 'ago' }, ` (${format.ago(v.completedAt)})`))));
  if (kind !== 'upcoming' || visits.length <= NEXT_VISITS_SHOWN + 1) return list(visits);
  const later = visits.slice(NEXT_VISITS_SHOWN);
  return [list(visits.slice(0, NEXT_VISITS_SHOWN)),
    h('details', { class: 'more' }, h('summary', {}, `${later.length} more booked`), list(later))];
}

function clientChoice(id, clients, current) {
  if (clients.length === 1) return null;
  const select = h('select', { name: 'clientId' }, clients.map((c) =>
    h('option', { value: c.id, selected: c.id === current.id }, c.name)));
  return field({ id, label: 'With', control: select });
}

const chosenClient = (form, clients) => form.elements.clientId?.value ?? clients[0].id;

const SCHEDULE = `mutation Schedule($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id scheduledFor client { givenName } } }`;

function scheduleForm(clients, current, ctx) {
  const at = h('input', { type: 'datetime-local', name: 'at', min: format.isoToLocalInput() });
  const form = h('form', {
    novalidate: true, async onsubmit(event) {
      event.preventDefault();
      if (!at.value) return fieldError(at, 'Enter the date and time of the visit.');
      if (Date.parse(format.localInputToIso(at.value)) <= Date.now()) return fieldError(at, 'Choose a time in the future.');
      return busy(form, async () => {
        try {
          const { scheduleVisit } = await graphql(SCHEDULE, {
            input: { clientId: chosenClient(form, clients), scheduledFor: format.localInputToIso(at.value), mode: form.elements.mode.value },
          });
          ctx.go(location.hash, `Visit booked with ${scheduleVisit.client.givenName}: ${format.when(scheduleVisit.scheduledFor)}.`);
        } catch (error) {
          ctx.fail(error);
        }
      });
    },
  },
  clientChoice('schedule-client', clients, current),
  field({ id: 'schedule-at', label: 'When', control: at }),
  field({ id: 'schedule-mode', label: 'How', control: modeSelect() }),
  submitButton('Book visit'));
  return h('details', { class: 'action' }, h('summary', {}, 'Schedule a visit'), form);
}

const CONTACT = `mutation Contact($input: RecordContactInput!) { recordContact(input: $input) { id client { givenName } } }`;

function contactForm(clients, current, ctx) {
  const at = h('input', { type: 'datetime-local', name: 'at', value: format.isoToLocalInput(), max: format.isoToLocalInput() });
  const form = h('form', {
    novalidate: true, async onsubmit(event) {
      event.preventDefault();
      if (!at.value) return fieldError(at, 'Enter when the contact happened.');
      return busy(form, async () => {
        try {
          const { recordContact } = await graphql(CONTACT, {
            input: { clientId: chosenClient(form, clients), completedAt: format.localInputToIso(at.value), mode: form.elements.mode.value },
          });
          ctx.go(location.hash, `Contact with ${recordContact.client.givenName} recorded.`);
        } catch (error) {
          ctx.fail(error);
        }
      });
    },
  },
  clientChoice('contact-client', clients, current),
  field({ id: 'contact-at', label: 'When', control: at }),
  field({ id: 'contact-mode', label: 'How', control: modeSelect() }),
  submitButton('Record contact'));
  return h('details', { class: 'action' }, h('summary', {}, 'Record a contact'), form);
}

const LEAVE = `mutation Leave($clientId: ID!, $reason: String) { leaveTeam(clientId: $clientId, reason: $reason) { clientId } }`;

function leaveForm(clients, current, ctx) {
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 500 });
  const form = h('form', {
    novalidate: true, async onsubmit(event) {
      event.preventDefault();
      const clientId = chosenClient(form, clients);
      const name = clients.find((c) => c.id === clientId).name;
      return busy(form, async () => {
        try {
          await graphql(LEAVE, { clientId, reason: reason.value.trim() || 'Involvement ended' });
          ctx.go('#/my-clients', `You left ${name}’s team. Your planned visits to ${name} were cancelled.`);
        } catch (error) {
          ctx.fail(error);
        }
      });
    },
  },
  clientChoice('leave-client', clients, current),
  field({ id: 'leave-reason', label: 'Why (optional)', hint: 'For example “Case closed”.', control: reason }),
  h('p', {}, 'Your planned visits are cancelled and the team is told.'),
  h('button', { type: 'submit', class: 'button warning' }, 'Leave the team'));
  return h('details', { class: 'action' }, h('summary', {}, 'Leave the team'), form);
}

// ---- my clients ----

async function myClients(container, ctx) {
  show(container, heading('My clients'));
  try {
    const { myClients: clients } = await graphql(`{ myClients(first: 100) { id displayName dateOfBirth family { id name } } }`);
    const byFamily = new Map();
    for (const c of clients) {
      const key = c.family?.name ?? 'Not in a household';
      byFamily.set(key, [...(byFamily.get(key) ?? []), c]);
    }
    show(container, heading('My clients', `${clients.length} ${clients.length === 1 ? 'client' : 'clients'} whose team you are in.`),
      clients.length === 0 && h('p', {}, h('a', { href: '#/search' }, 'Search for a client'), ' to join their team.'),
      [...byFamily].map(([family, members]) => section(headingCase(family),
        h('ul', { class: 'links' }, members.map((c) => h('li', {},
          h('a', { href: `#/client/${encodeURIComponent(c.id)}` }, c.displayName), ` — ${format.age(c.dateOfBirth)}`))))));
  } catch (error) {
    ctx.fail(error);
  }
}

// ---- follow-ups sent to my agency's duty contacts ----

const DUTY = `{ dutyFollowUpRequests(first: 50) { familyId householdName area
  request { id requestedAt reason } } }`;

/** "the Okafor household" → "Okafor", to start a search for its members; anything else starts an empty search. */
const surnameOf = (household) => /^the (.+) household$/i.exec(household)?.[1] ?? '';

async function followUps(container, ctx) {
  show(container, heading('Follow-up requests'));
  let requests;
  try {
    ({ dutyFollowUpRequests: requests } = await graphql(DUTY));
  } catch (error) {
    ctx.fail(error);
    return;
  }
  show(container, heading('Follow-up requests', `Families with no team that a commissioner asked ${ctx.me.practitioner.agency.name}’s duty contacts to follow up.`),
    requests.length === 0 && h('p', {}, 'There are no follow-up requests for your agency.'),
    h('ul', { class: 'cards' }, requests.map((r) => h('li', {}, h('article', { class: 'card' },
      h('h2', { class: 'card-title' }, headingCase(r.householdName)),
      h('p', { class: 'agency' }, r.area),
      h('p', {}, h('span', { class: 'when' }, format.dateTime(r.request.requestedAt)), ` (${format.ago(r.request.requestedAt)}): “${r.request.reason}”`),
      h('p', {}, 'Nobody is in the family’s team. Find its members and join a team, with a reason, to follow them up.'),
      h('a', { class: 'button secondary', href: `#/search?${new URLSearchParams({ q: surnameOf(r.householdName) })}` },
        `Search for ${r.householdName}’s members`))))));
}

// ---- my details ----

const UPDATE_ME = `mutation Update($input: ContactDetailsInput!) { updateMyContactDetails(input: $input) { id } }`;

async function myDetails(container, ctx) {
  const p = ctx.me.practitioner;
  const input = (name, type, value, autocomplete) => h('input', { type, name, value: value ?? '', autocomplete });
  const email = input('email', 'email', p.email, 'email');
  const mobile = input('mobile', 'tel', p.mobile, 'tel');
  const landline = input('landline', 'tel', p.landline, 'tel');
  const preferred = h('fieldset', { class: 'choices' }, h('legend', {}, 'How should colleagues reach you first?'),
    [['MOBILE', 'Mobile'], ['LANDLINE', 'Landline'], ['EMAIL', 'Email']].map(([value, text]) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'preferred', id: `preferred-${value}`, value, checked: p.preferredContact === value }),
      h('label', { for: `preferred-${value}` }, text))));
  const form = h('form', {
    novalidate: true, async onsubmit(event) {
      event.preventDefault();
      const orNull = (control) => control.value.trim() || null;
      return busy(form, async () => {
        try {
          await graphql(UPDATE_ME, {
            input: {
              email: orNull(email), mobile: orNull(mobile), landline: orNull(landline),
              preferredContact: form.elements.preferred.value,
            },
          });
          await ctx.refreshMe();
          ctx.go('#/me', 'Your contact details are saved. Teams you are in now see them.');
        } catch (error) {
          ctx.fail(error);
        }
      });
    },
  },
  field({ id: 'me-email', label: 'Email', control: email }),
  field({ id: 'me-mobile', label: 'Mobile', hint: 'A UK mobile number, e.g. 07700 900123', control: mobile }),
  field({ id: 'me-landline', label: 'Landline', hint: 'A UK landline number, e.g. 01632 960123', control: landline }),
  preferred,
  submitButton('Save my details'));
  show(container, heading('My contact details', `${p.name}, ${p.role}, ${p.agency.name}. Teams you are in see these details.`), form);
}

// ---- reports (analysts and commissioners) ----

/** The reports live in their own module, fetched the first time one is opened; the API decides who may see them. */
async function reports(container, ctx) {
  let module;
  try {
    module = await import('./reports.js');
  } catch {
    show(container, heading('Reports'));
    ctx.fail(new ApiError('NETWORK', 'The reports could not be loaded.'));
    return undefined;
  }
  return module.reports(container, ctx);
}

// ---- administration: the break-glass review queue ----

const MANAGED = 'Agencies, data-sharing agreements, practitioners and the audit trail are managed through the Patchwork API. See the README.';
const REVIEW_STATUSES = { OPEN: 'Open', REVIEWED: 'Reviewed', CLOSED: 'Closed' };
const REVIEWS = `query Reviews($status: BreakGlassReviewStatus, $after: String) { breakGlassReviews(status: $status, first: 20, after: $after) {
  entries { clientId requestId at category reason status practitioner { name role agency { name } } latestReview { status outcome reviewer at } }
  endCursor hasNextPage } }`;
const REVIEW = `mutation Review($clientId: ID!, $requestId: ID!, $status: BreakGlassDecision!, $outcome: String!) {
  reviewBreakGlass(clientId: $clientId, requestId: $requestId, status: $status, outcome: $outcome) { status } }`;

async function admin(container, ctx) {
  if (!ctx.me.roles.includes('ADMIN')) {
    show(container, heading('Administration'), h('p', {}, MANAGED));
    return;
  }
  const status = REVIEW_STATUSES[ctx.params.get('status')] ? ctx.params.get('status') : 'OPEN';
  show(container, heading('Loading…'));
  let page;
  try {
    ({ breakGlassReviews: page } = await graphql(REVIEWS, { status, after: ctx.params.get('after') }));
  } catch (error) {
    show(container, heading('Break glass to review'));
    ctx.fail(error);
    return;
  }
  show(container,
    heading('Break glass to review', 'Each time a practitioner saw a team without joining it. Review each one, and close it when nothing more is needed.'),
    h('nav', { 'aria-label': 'Review status' }, h('ul', { class: 'links' }, Object.entries(REVIEW_STATUSES).map(([value, text]) =>
      h('li', {}, h('a', { href: `#/admin?status=${value}`, 'aria-current': value === status ? 'page' : undefined }, text))))),
    page.entries.length === 0
      ? h('p', {}, `No ${REVIEW_STATUSES[status].toLowerCase()} break glass.`)
      : h('ul', { class: 'cards reviews' }, page.entries.map((e) => h('li', {}, reviewCard(e, ctx)))),
    page.hasNextPage && h('p', {},
      h('a', { class: 'button secondary', href: `#/admin?status=${status}&after=${encodeURIComponent(page.endCursor)}` }, 'Next page')),
    h('p', {}, MANAGED));
}

function reviewCard(e, ctx) {
  const who = e.practitioner ? `${e.practitioner.name}, ${e.practitioner.role}, ${e.practitioner.agency.name}` : 'A practitioner not on record';
  const last = e.latestReview;
  return h('article', { class: 'card review' },
    h('h3', {}, `${format.dateTime(e.at)}: ${who}`),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Emergency'), h('dd', {}, emergencies[e.category] ?? 'not given')),
      h('div', {}, h('dt', {}, 'Status'), h('dd', {}, REVIEW_STATUSES[e.status])),
      h('div', {}, h('dt', {}, 'Client'), h('dd', {}, e.clientId)),
      h('div', {}, h('dt', {}, 'Request'), h('dd', {}, e.requestId))),
    h('p', {}, `Reason given: “${e.reason ?? ''}”`),
    last && h('p', {}, `${REVIEW_STATUSES[last.status]} by ${last.reviewer}, ${format.dateTime(last.at)}: “${last.outcome}”`),
    e.status !== 'CLOSED' && reviewForm(e, ctx));
}

function reviewForm(e, ctx) {
  const id = `review-${e.requestId.replace(/[^A-Za-z0-9]/g, '-')}`;
  const decision = h('select', { name: 'status' }, h('option', { value: 'REVIEWED' }, 'Reviewed'), h('option', { value: 'CLOSED' }, 'Closed'));
  const outcome = h('textarea', { name: 'outcome', rows: 2, maxlength: 500 });
  const form = h('form', {
    novalidate: true, async onsubmit(event) {
      event.preventDefault();
      if (outcome.value.trim().split(/\s+/).length < 3) return fieldError(outcome, 'Give the outcome in a sentence.');
      return busy(form, async () => {
        try {
          const { reviewBreakGlass } = await graphql(REVIEW,
            { clientId: e.clientId, requestId: e.requestId, status: decision.value, outcome: outcome.value.trim() });
          ctx.go(location.hash, `Break glass marked ${REVIEW_STATUSES[reviewBreakGlass.status].toLowerCase()}.`);
        } catch (error) {
          ctx.fail(error);
        }
      });
    },
  },
  field({ id: `${id}-status`, label: 'Decision', control: decision }),
  field({ id: `${id}-outcome`, label: 'Outcome', hint: 'For example “Appropriate: the police asked for the team”. It stays on the audit trail.', control: outcome }),
  submitButton('Record review'));
  return h('details', { class: 'action' }, h('summary', {}, 'Review'), form);
}

async function notFound(container) {
  show(container, heading('Page not found'), h('p', {}, h('a', { href: '#/' }, 'Go to the start page')));
}

async function standingProblem(container, ctx) {
  // Not yet registered: the administrator links a practitioner to exactly this reference, so show it to copy.
  const reference = ctx.me.standing === 'NOT_REGISTERED'
    ? h('p', {}, 'Your sign-in reference, for the administrator: ', h('code', { id: 'sign-in-reference' }, ctx.me.subject))
    : null;
  show(container, heading('You cannot use Patchwork yet'), h('p', { class: 'problem' }, ctx.me.standingMessage), reference);
}

async function notForThisRole(container) {
  show(container, heading('This page is for practitioners'),
    h('p', {}, 'Your account does not have the practitioner role, so it cannot search for clients or see their teams.'));
}

function practitionerOnly(screen) {
  return (container, ctx) => {
    if (!ctx.me.roles.includes('PRACTITIONER')) return notForThisRole(container);
    return (ctx.me.standing === 'ACTIVE' && ctx.me.practitioner ? screen : standingProblem)(container, ctx);
  };
}

export const screens = {
  search: practitionerOnly(search),
  client: practitionerOnly(client),
  'my-clients': practitionerOnly(myClients),
  me: practitionerOnly(myDetails),
  'follow-ups': practitionerOnly(followUps),
  reports,
  admin,
  notFound,
};
