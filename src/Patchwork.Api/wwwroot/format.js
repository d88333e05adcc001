// Dates and times as a practitioner says them: "3 days ago", "Tue 10:00", "8 Oct 2016".
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const weekdayTime = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const fullDateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
});
const DAY = 24 * 60 * 60 * 1000;

/** A DateOnly ("2016-10-08") as "8 Oct 2016", read as a calendar date whatever the time zone. */
export function date(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return day.format(new Date(y, m - 1, d));
}

/** "age 34", or "under 1" for a baby. */
export function age(isoDate, now = new Date()) {
  const [y, m, d] = isoDate.split('-').map(Number);
  let years = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) years--;
  return years < 1 ? 'under 1' : `age ${years}`;
}

function startOfDay(t) {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** A past moment in whole days: "today", "yesterday", "3 days ago". */
export function ago(iso, now = Date.now()) {
  const days = Math.round((startOfDay(now) - startOfDay(Date.parse(iso))) / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** A coming moment: within the week "Tue 10:00", further off "Tue 1 Dec, 10:30". */
export function when(iso, now = Date.now()) {
  const t = Date.parse(iso);
  return t - now < 6 * DAY ? weekdayTime.format(t).replace(',', '') : fullDateTime.format(t);
}

export function dateTime(iso) {
  return fullDateTime.format(Date.parse(iso));
}

const modes = {
  HOME_VISIT: 'Home visit', OFFICE: 'Office', PHONE: 'Phone', VIDEO: 'Video', EMAIL: 'Email', OTHER: 'Other',
};
export const visitModes = Object.entries(modes);
export const mode = (value) => modes[value] ?? value;

/** A datetime-local input's value ("2026-11-24T10:00", local time) as an instant with offset for the API. */
export function localInputToIso(value) {
  return new Date(value).toISOString();
}

/** Now (or a moment) as a datetime-local input's value, in local time. */
export function isoToLocalInput(t = new Date()) {
  const d = new Date(t);
  d.setSeconds(0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
