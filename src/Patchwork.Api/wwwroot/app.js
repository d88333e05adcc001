// The shell: who is signed in, the navigation, the current screen (from the address's #/route), and messages.
import { h, show } from './dom.js';
import { graphql, describe } from './api.js';
import * as signIn from './sign-in.js';
import { screens, signInScreen } from './screens.js';

const $ = (id) => document.getElementById(id);
const ME = `{ me { subject roles standing standingMessage
  practitioner { id name role email mobile landline preferredContact agency { name } } } }`;

let me = null;
let firstRender = true;
let pendingNotice = null;

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const [, name = '', id] = path.split('/');
  return { name: decodeURIComponent(name), id: id && decodeURIComponent(id), params: new URLSearchParams(query) };
}

function homeOf(user) {
  if (user.roles.includes('PRACTITIONER')) return '#/search';
  if (user.roles.includes('ANALYST') || user.roles.includes('COMMISSIONER')) return '#/reports';
  return '#/admin';
}

/** The links of the main navigation: only what this user can do now, so none for a practitioner who cannot use it. */
function navigation(user) {
  const has = (role) => user.roles.includes(role);
  const items = [];
  if (has('PRACTITIONER') && user.standing === 'ACTIVE' && user.practitioner) {
    items.push(['#/search', 'Search'], ['#/my-clients', 'My clients'], ['#/follow-ups', 'Follow-ups'], ['#/me', 'My details']);
  }
  // Reports: shown to analysts and commissioners only (the API refuses them to anyone else in any case).
  if (has('ANALYST') || has('COMMISSIONER')) items.push(['#/reports', 'Reports']);
  if (has('ADMIN')) items.push(['#/admin', 'Break glass reviews']);
  if (items.length === 0) return null;
  const current = `#/${route().name}`;
  return h('ul', {},
    items.map(([href, text]) => h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : undefined }, text))));
}

/** Shows the bar for a signed-in user (or hides it all on sign-out), with the menu folded away. */
function showBar(user) {
  const links = user && navigation(user);
  show($('nav'), links);
  $('nav').hidden = !links;
  $('menu-button').hidden = !links;
  $('sign-out').hidden = !user;
  $('who').textContent = user ? whoText(user) : '';
  openMenu(false);
}

/** On a phone the navigation folds behind a Menu button, so the screen starts right under a slim bar. */
function openMenu(open) {
  $('menu-button').setAttribute('aria-expanded', String(open));
  document.querySelector('.site-header').classList.toggle('menu-open', open);
}

function whoText(user) {
  if (user.practitioner) return `${user.practitioner.name}, ${user.practitioner.role}`;
  const roles = user.roles.map((r) => r.toLowerCase());
  return roles.length ? `Signed in as ${roles.join(' and ')}` : 'Signed in (no role)';
}

async function signOut() {
  me = null;
  await signIn.signOut();
  history.replaceState(null, '', '/');
  await render();
}

function clearMessages() {
  $('alert').hidden = true;
  $('alert').replaceChildren();
  $('status').replaceChildren();
}

/** Shows an error the user can act on, and moves focus to it. */
function showError(error) {
  const { heading, text } = describe(error);
  show($('alert'), h('h2', {}, heading), h('p', {}, text));
  $('alert').hidden = false;
  $('alert').setAttribute('tabindex', '-1');
  $('alert').focus();
  if (error.code === 'UNAUTHENTICATED') {
    signIn.forgetSession();
    me = null;
    renderSignIn(true);
  }
}

function notice(text) {
  show($('status'), text ? h('p', { class: 'notice' }, text) : null);
}

/** What every screen gets: where it is, who is signed in, and how to move on or report trouble (while it is shown). */
function context(current, view) {
  const shown = (act) => (...args) => (view.isConnected ? act(...args) : undefined);
  return {
    ...current,
    me,
    go(hash, message) {
      pendingNotice = message ?? null;
      if (location.hash === hash) render(); else location.hash = hash;
    },
    fail: shown(showError),
    notice: shown(notice),
    async refreshMe() {
      me = (await graphql(ME)).me;
      $('who').textContent = whoText(me);
      return me;
    },
  };
}

async function renderSignIn(keepAlert = false) {
  if (!keepAlert) clearMessages();
  showBar(null);
  await signInScreen($('screen'), { fail: showError, signedIn: () => render() });
  focusHeading();
}

/**
 * Names the page after the screen and moves focus to its heading (or to what the screen marks with data-focus),
 * unless an error has already taken focus.
 */
function focusHeading() {
  const heading = $('screen').querySelector('h1');
  if (!heading) return;
  document.title = `${heading.textContent} – Patchwork`;
  const target = $('screen').querySelector('[data-focus]') ?? heading;
  target.setAttribute('tabindex', '-1');
  if (!firstRender && $('alert').hidden) target.focus();
}

async function render() {
  clearMessages();
  if (!signIn.isSignedIn()) {
    await renderSignIn();
    firstRender = false;
    return;
  }
  try {
    me ??= (await graphql(ME)).me;
  } catch (error) {
    show($('screen'));
    showError(error);
    return;
  }
  const current = route();
  if (!current.name) {
    location.replace(homeOf(me));
    return;
  }
  showBar(me);
  notice(pendingNotice);
  pendingNotice = null;
  const screen = screens[current.name] ?? screens.notFound;
  // Each screen draws into a view of its own: one still loading when the user has moved on draws into a view that is
  // no longer on the page, never over the screen they moved to.
  const view = h('div');
  show($('screen'), view);
  await screen(view, context(current, view));
  if (!view.isConnected) return;
  focusHeading();
  firstRender = false;
}

async function start() {
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('main').focus();
  });
  window.addEventListener('hashchange', () => render());
  $('sign-out').addEventListener('click', signOut);
  $('menu-button').addEventListener('click', () => openMenu($('menu-button').getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || $('menu-button').getAttribute('aria-expanded') !== 'true') return;
    openMenu(false);
    $('menu-button').focus();
  });
  try {
    const returnTo = await signIn.completeProviderSignIn();
    if (returnTo) history.replaceState(null, '', `/${returnTo}`);
  } catch (error) {
    await renderSignIn();
    show($('alert'), h('h2', {}, 'Sign-in did not complete'), h('p', {}, error.message));
    $('alert').hidden = false;
    return;
  }
  await render();
}

start();
