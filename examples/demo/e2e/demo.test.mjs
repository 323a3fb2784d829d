// The demo in headless Chromium, as a user meets it: signing in, hydrated contexts, scoped refetches,
// the contact form, a staff-only action, the chat with presence, live invalidation, persistence.
// Run by run.mjs (DEMO_BASE is the server); each scenario uses fresh visitors (browser contexts).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eventually, launchBrowser, scenario, textOf } from './browser.mjs';

const ADA = { user: 'ada', password: 'lovelace', name: 'Ada' };
const BOB = { user: 'bob', password: 'builder', name: 'Bob' };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Something no earlier run left behind, for texts and addresses. */
const unique = (prefix) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signIn(page, who) {
  await page.goto('/');
  await page.getByLabel('User name').fill(who.user);
  await page.getByLabel('Password').fill(who.password);
  await page.getByTestId('sign-in').click();
  await textOf(page.getByTestId('signed-in'), `Signed in as ${who.name}`);
}

function board(page, name) {
  return page.getByTestId(`board-${name}`);
}

async function addNote(page, boardName, text) {
  const form = board(page, boardName);
  await form.getByLabel(`note for ${boardName}`).fill(text);
  await form.getByRole('button', { name: 'Add' }).click();
  await textOf(form.locator('ul.notes'), text);
}

/** Lets requests a page would make late (a refetch after a pushed key) arrive before counting. */
const settle = (page) => page.waitForTimeout(600);

test('a wrong password says so, the right one signs in, sign-out signs out', () =>
  scenario(browser, 'sign-in', async (visitor) => {
    const { page, context } = await visitor();
    await page.goto('/');
    await page.getByLabel('User name').fill('ada');
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByTestId('sign-in').click();
    // the message a form can show, never which of the two was wrong
    await textOf(page.locator('form.sign-in [role=alert]'), 'The user name or password is wrong');
    assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    const anonymousSession = (await context.cookies()).find((c) => c.name === 'JSESSIONID')?.value;

    await page.getByLabel('Password').fill(ADA.password);
    await page.getByTestId('sign-in').click();
    await textOf(page.getByTestId('signed-in'), 'Signed in as Ada (staff)');
    const cookie = (await context.cookies()).find((c) => c.name === 'JSESSIONID');
    assert.ok(cookie, 'a session cookie');
    assert.notEqual(cookie.value, anonymousSession, 'signing in changes the session id');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    // the staff-only inbox appears without a reload: signing in refetched the page's contexts
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Inbox' }).count(), 0);
    await page.reload();
    await page.getByTestId('sign-in').waitFor();
  }));

test('the page arrives with its contexts: no request for them at load', () =>
  scenario(browser, 'hydration', async (visitor) => {
    const { page, requests } = await visitor();
    await signIn(page, BOB);
    requests.length = 0;
    await page.reload();
    await textOf(page.getByTestId('signed-in'), 'Signed in as Bob');
    await page.waitForLoadState('networkidle');
    const contextReads = requests.filter((r) => r.includes('/ctx/'));
    assert.deepEqual(
      contextReads.filter((r) => /\/ctx\/(currentUser|auth\.session)\b/.test(r)),
      [],
      `global contexts come with the HTML; requests were ${JSON.stringify(requests)}`,
    );
    // the boards are local contexts (parameters chosen by the page): fetched, one read each, and
    // asked in the same tick, so together in one batch
    assert.ok(contextReads.includes('GET /api/mizan/ctx/notes?board=general'), JSON.stringify(requests));
    assert.ok(contextReads.includes('GET /api/mizan/ctx/notes?board=random'), JSON.stringify(requests));
    assert.ok(requests.includes('POST /api/mizan/batch'), JSON.stringify(requests));
  }));

test('a note refetches only its own board', () =>
  scenario(browser, 'scoped refetch', async (visitor) => {
    const { page, requests } = await visitor();
    await signIn(page, BOB);
    await board(page, 'random').locator('h3').waitFor();
    await page.waitForLoadState('networkidle');
    requests.length = 0;
    const text = unique('scoped');
    await addNote(page, 'general', text);
    await settle(page);
    assert.ok(requests.includes('POST /api/mizan/call/addNote'), JSON.stringify(requests));
    const reads = requests.filter((r) => r.startsWith('GET '));
    assert.ok(reads.length > 0, 'the board refetched');
    assert.deepEqual(
      reads.filter((r) => r !== 'GET /api/mizan/ctx/notes?board=general'),
      [],
      'nothing but the general board refetched',
    );
    assert.equal(await board(page, 'general').getByTestId('keys-general').textContent(), ' invalidated: notes;board=general');
  }));

test('the contact form: an error in the browser first, then one only the server can find', () =>
  scenario(browser, 'contact form', async (visitor) => {
    const { page, requests } = await visitor('eve', { timezoneId: 'Europe/Paris' });
    await page.goto('/');
    const form = page.locator('form.mizan-form');
    await form.getByLabel('Your name').fill('Eve');
    await form.getByLabel('Email').fill('not an address');
    await form.getByLabel('Message').fill('short');
    await form.getByRole('button', { name: 'Send' }).click();
    await eventually(
      async () => (await form.locator('.mizan-field-error').count()) >= 2,
      'errors on the email and the message',
    );
    assert.equal(await form.getByLabel('Email').getAttribute('aria-invalid'), 'true');
    assert.equal(
      requests.filter((r) => r.includes('contact.submit')).length,
      0,
      'nothing was sent while the form was invalid',
    );

    // the @NotNull's own message, in the browser as on the server
    const topicError = form.locator('.mizan-field', { has: page.getByLabel('Topic') }).locator('.mizan-field-error');
    await textOf(topicError, 'Choose a topic');
    const email = `${unique('eve').replace(' ', '.')}@example.com`;
    const name = unique('Eve');
    await form.getByLabel('Your name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Topic').selectOption({ index: 1 });
    await form.getByLabel('Message').fill('A message long enough for the server.');
    // a moment: the local time Eve types in Paris (+01:00 in January) reaches the server as that instant
    await form.getByLabel('Call me back at').fill('2030-01-31T10:15');
    await form.getByRole('button', { name: 'Send' }).click();
    await textOf(page.getByTestId('contact-sent'), 'received');

    // staff in New York (-05:00) read it in their own time
    const ada = await visitor('ada', { timezoneId: 'America/New_York' });
    await signIn(ada.page, ADA);
    const received = ada.page.getByTestId('inbox').locator('li', { hasText: name });
    assert.equal(await received.locator('time').getAttribute('datetime'), '2030-01-31T09:15:00Z');
    await textOf(received.locator('time'), '4:15');

    // the same address again, from a new page: the server's own rule answers on the email field
    await page.reload();
    await form.getByLabel('Your name').fill('Eve');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Topic').selectOption({ index: 2 });
    await form.getByLabel('Message').fill('Writing a second time, about the same thing.');
    await form.getByRole('button', { name: 'Send' }).click();
    const emailError = form.locator('.mizan-field', { has: page.getByLabel('Email') }).locator('.mizan-field-error');
    await textOf(emailError, 'We already have a message from this address.');
    // fixing the field takes the server's message away
    await form.getByLabel('Email').fill(`other.${email}`);
    await eventually(async () => (await emailError.count()) === 0, 'the server error goes once the field changes');
  }));

test('one address sent many times at once: one message is received, every other send is told so', async () => {
  // from Node rather than a page, which would send six at a time: the sends must overlap to race
  const email = `${unique('race').replace(' ', '.')}@example.com`;
  const send = () =>
    fetch(new URL('/api/mizan/call/contact.submit', process.env.DEMO_BASE), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        form: { name: 'Rae', email, topic: 'QUESTION', message: 'Sent from many tabs at once.', copy: false },
      }),
    }).then((r) => r.status);
  const statuses = await Promise.all(Array.from({ length: 40 }, send));
  assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses: ${statuses}`);
  assert.equal(statuses.filter((s) => s === 409).length, 39, `statuses: ${statuses}`);
});

test('text the constraints let through but people read differently: a longer lower case, spaces of every kind', async () => {
  const api = (name, body, cookie) =>
    fetch(new URL(`/api/mizan/call/${name}`, process.env.DEMO_BASE), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
  // 'İ' is two characters in lower case: the address must still fit its 254-character column
  const local = 'İ'.repeat(50) + Math.random().toString(36).slice(2, 12);
  const email = `${local}@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.com`;
  const sent = await api('contact.submit', { form: { name: 'Ida', email, topic: 'QUESTION', message: 'A long address.', copy: false } });
  assert.equal(sent.status, 200, await sent.text());

  // zero-width spaces pass @NotBlank, and would show as an empty message in the staff inbox
  const invisible = '\u200b'.repeat(20);
  const unseen = await api('contact.submit', { form: { name: 'Ida', email: `zw${Math.random().toString(36).slice(2)}@example.com`, topic: 'BUG', message: invisible, copy: false } });
  assert.equal(unseen.status, 422, await unseen.clone().text());
  assert.deepEqual((await unseen.json()).errors.map((e) => e.path), ['message']);

  const signedIn = await api('auth.login', { username: ADA.user, password: ADA.password });
  assert.equal(signedIn.status, 200);
  const cookie = signedIn.headers.getSetCookie().at(-1).split(';')[0];
  for (const blank of ['\u00a0', '\u3000\u200b']) {
    const renamed = await api('updateName', { displayName: blank }, cookie);
    assert.equal(renamed.status, 422, `${JSON.stringify(blank)}: ${renamed.status}`);
    const problem = await renamed.json();
    assert.equal(problem.code, 'MIZAN-137');
    assert.equal(problem.errors[0].path, 'displayName');
  }
});

test('the staff-only action: refused to a plain user, confirmed and reported for staff', () =>
  scenario(browser, 'staff only', async (visitor) => {
    const bob = await visitor('bob');
    await signIn(bob.page, BOB);
    await addNote(bob.page, 'random', unique('to be cleared'));
    assert.equal(await board(bob.page, 'random').getByRole('button', { name: 'Clear…' }).count(), 0);
    const refused = await bob.page.evaluate(async () => {
      const response = await fetch('api/mizan/call/clearBoard', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ board: 'random' }),
      });
      return { status: response.status, body: await response.json() };
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.status, 403);

    const ada = await visitor('ada');
    await signIn(ada.page, ADA);
    const random = board(ada.page, 'random');
    await random.getByRole('button', { name: 'Clear…' }).click();
    await random.getByRole('button', { name: 'Keep' }).click(); // a change of mind removes nothing
    assert.ok((await random.locator('ul.notes li').count()) > 0);
    await random.getByRole('button', { name: 'Clear…' }).click();
    await random.getByRole('button', { name: 'Remove all' }).click();
    await textOf(random.getByTestId('cleared-random'), 'Removed');
    await random.getByTestId('empty-random').waitFor();
    // bob's page empties by itself (live invalidation)
    await board(bob.page, 'random').getByTestId('empty-random').waitFor();
  }));

test('two people in the chat see each other and each other’s messages', () =>
  scenario(browser, 'chat', async (visitor) => {
    const ada = await visitor('ada');
    const bob = await visitor('bob');
    await signIn(ada.page, ADA);
    await signIn(bob.page, BOB);
    for (const { page } of [ada, bob]) {
      await textOf(page.getByTestId('chat-status'), 'open');
    }
    await textOf(ada.page.getByTestId('chat-members'), 'bob');
    await textOf(bob.page.getByTestId('chat-members'), 'ada');

    const hello = unique('hello bob');
    await ada.page.getByTestId('chat').getByRole('textbox', { name: 'message' }).fill(hello);
    await ada.page.getByTestId('chat').getByRole('button', { name: 'Send' }).click();
    await textOf(bob.page.getByTestId('chat-messages'), `ada ${hello}`);
    const reply = unique('hi ada');
    await bob.page.getByTestId('chat').getByRole('textbox', { name: 'message' }).fill(reply);
    await bob.page.getByTestId('chat').getByRole('button', { name: 'Send' }).click();
    await textOf(ada.page.getByTestId('chat-messages'), `bob ${reply}`);

    // bob leaves: ada's presence list drops him
    await bob.page.close();
    await eventually(
      async () => !((await ada.page.getByTestId('chat-members').textContent()) ?? '').includes('bob'),
      'bob leaves the room',
    );
  }));

test('a second page updates itself after someone else’s change (live invalidation)', () =>
  scenario(browser, 'live invalidation', async (visitor) => {
    const ada = await visitor('ada');
    const bob = await visitor('bob');
    await signIn(ada.page, ADA);
    await signIn(bob.page, BOB);
    await textOf(ada.page.getByTestId('chat-status'), 'open');
    ada.requests.length = 0;
    const text = unique('pushed');
    await addNote(bob.page, 'general', text);
    await textOf(board(ada.page, 'general').locator('ul.notes'), text);
    assert.ok(ada.requests.includes('GET /api/mizan/ctx/notes?board=general'), JSON.stringify(ada.requests));
    assert.ok(!ada.requests.includes('GET /api/mizan/ctx/notes?board=random'), 'only the changed board');

    // a rename reaches the user's other tab by itself
    const second = await ada.context.newPage();
    await second.goto('/');
    await textOf(second.getByTestId('chat-status'), 'open');
    const renamed = unique('Ada').slice(0, 20);
    await ada.page.getByLabel('display name').fill(renamed);
    await ada.page.getByRole('button', { name: 'Rename' }).click();
    await textOf(second.getByTestId('signed-in'), `Signed in as ${renamed}`);
    await ada.page.getByLabel('display name').fill('Ada');
    await ada.page.getByRole('button', { name: 'Rename' }).click();
    await textOf(second.getByTestId('signed-in'), 'Signed in as Ada (staff)');

    // a name of ideographic spaces passes @NotBlank, which trims only ASCII ones, and is blank all the same
    const blank = await ada.page.evaluate(() =>
      fetch('/api/mizan/call/updateName', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ displayName: '\u3000\u3000' }),
      }).then(async (r) => [r.status, await r.json()]),
    );
    assert.equal(blank[0], 422, JSON.stringify(blank));
    assert.equal(blank[1].errors[0].path, 'displayName', JSON.stringify(blank));
  }));

test('a page whose session ended stops claiming a user', () =>
  scenario(browser, 'session ended', async (visitor) => {
    const { context, page } = await visitor();
    await signIn(page, BOB);
    const other = await context.newPage();
    await other.goto('/');
    await textOf(other.getByTestId('signed-in'), 'Signed in as Bob');
    await textOf(other.getByTestId('chat-status'), 'open');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in').waitFor();
    // the other tab of the same session follows by itself: its socket, bound to the ended session,
    // is closed by the server; it reconnects anonymous and refetches what it shows
    await other.getByTestId('sign-in').waitFor();
    assert.equal(await board(other, 'general').getByLabel('note for general').count(), 0);
  }));

test('the greeting waits for a pause in typing and keeps the last answer meanwhile', () =>
  scenario(browser, 'greeting', async (visitor) => {
    const { page, requests } = await visitor();
    await page.goto('/');
    await textOf(page.getByTestId('greeting'), 'Hello, world!');
    requests.length = 0;
    const input = page.getByLabel('name to greet');
    await input.fill('');
    await input.pressSequentially('Grace', { delay: 40 });
    await textOf(page.getByTestId('greeting'), 'Hello, Grace! (5 letters)');
    const greets = requests.filter((r) => r.includes('/ctx/greet'));
    assert.deepEqual(greets, ['GET /api/mizan/ctx/greet?name=Grace']);
  }));

test('reloading keeps what was written (it is in the database)', () =>
  scenario(browser, 'persistence', async (visitor) => {
    const { page } = await visitor();
    await signIn(page, BOB);
    const text = unique('kept');
    await addNote(page, 'general', text);
    await page.reload();
    await textOf(board(page, 'general').locator('ul.notes'), text);
    // and a new visitor sees it too
    const other = await visitor();
    await other.page.goto('/');
    await textOf(board(other.page, 'general').locator('ul.notes'), text);
  }));

test('a CDN is told which tags to purge: the keys of the change, which tag the context reads', { skip: !process.env.DEMO_PURGES && 'needs the server run.mjs starts' }, () =>
  scenario(browser, 'cdn purge', async (visitor) => {
    const { page } = await visitor();
    await signIn(page, BOB);
    const boardName = `cdn-${Date.now().toString(36)}`; // a board of its own: its purge is this test's alone
    const read = await page.request.get(`api/mizan/ctx/notes?board=${boardName}`);
    const tags = read.headers()['surrogate-key']?.split(' ') ?? [];
    assert.deepEqual(tags, ['notes', `notes;board=${boardName}`]);
    assert.equal(read.headers()['cache-tag'], `notes,notes;board=${boardName}`);
    const added = await page.evaluate(async (board) => {
      const response = await fetch('api/mizan/call/addNote', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ board, text: 'for the CDN' }),
      });
      return response.json();
    }, boardName);
    assert.deepEqual(added.invalidate, [`notes;board=${boardName}`]);
    // the stand-in refuses the first delivery: the observer retries a second later, off the call
    const delivered = await eventually(() => {
      const lines = readFileSync(process.env.DEMO_PURGES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const mine = lines.filter((l) => l.body.includes(`notes;board=${boardName}`));
      return mine.some((l) => l.status === 204) ? mine : null;
    }, 'the purge delivered after a retry');
    assert.deepEqual(
      delivered.map((l) => [l.status, JSON.parse(l.body)]),
      [
        [503, { tags: added.invalidate }],
        [204, { tags: added.invalidate }],
      ],
    );
  }));
