import { describe, expect, it } from 'vitest';
import { MizanError } from '../src/errors';
import { formatClientFrame, parseServerFrame } from '../src/frames';

describe('formatClientFrame', () => {
  it('writes the frames of docs/protocol.md', () => {
    expect(formatClientFrame({ op: 'join', ref: '1', channel: 'chat', params: { room: 'lobby' } })).toBe(
      '{"op":"join","ref":"1","channel":"chat","params":{"room":"lobby"}}',
    );
    expect(formatClientFrame({ op: 'send', ref: '1', data: { text: 'hi' } })).toBe(
      '{"op":"send","ref":"1","data":{"text":"hi"}}',
    );
    expect(formatClientFrame({ op: 'leave', ref: '1' })).toBe('{"op":"leave","ref":"1"}');
  });
});

describe('parseServerFrame', () => {
  it.each([
    ['{"op":"joined","ref":"1"}', { op: 'joined', ref: '1' }],
    ['{"op":"left","ref":"1"}', { op: 'left', ref: '1' }],
    [
      '{"op":"message","ref":"1","data":{"text":"hi","author":"ann"}}',
      { op: 'message', ref: '1', data: { text: 'hi', author: 'ann' } },
    ],
    [
      '{"op":"presence","ref":"1","members":[{"user":"alice","sockets":1},{"user":null,"sockets":2}]}',
      { op: 'presence', ref: '1', members: [{ user: 'alice', sockets: 1 }, { user: null, sockets: 2 }] },
    ],
    [
      '{"op":"presence_diff","ref":"1","joins":[{"user":"bob","sockets":1}],"leaves":[]}',
      { op: 'presence_diff', ref: '1', joins: [{ user: 'bob', sockets: 1 }], leaves: [] },
    ],
    ['{"op":"invalidate","keys":["notes;board=general"]}', { op: 'invalidate', keys: ['notes;board=general'] }],
    ['{"op":"invalidate","keys":["a",1,null]}', { op: 'invalidate', keys: ['a'] }],
  ])('reads %s', (text, frame) => {
    expect(parseServerFrame(text)).toEqual(frame);
  });

  it('reads an error frame into a MizanError, with or without a ref', () => {
    const frame = parseServerFrame(
      '{"op":"error","ref":"1","status":403,"title":"Forbidden","detail":"Not in this room","code":"MIZAN-150"}',
    );
    expect(frame?.op).toBe('error');
    if (frame?.op !== 'error') return;
    expect(frame.ref).toBe('1');
    expect(frame.error).toBeInstanceOf(MizanError);
    expect([frame.error.status, frame.error.title, frame.error.detail, frame.error.code]).toEqual([
      403,
      'Forbidden',
      'Not in this room',
      'MIZAN-150',
    ]);
    const noRef = parseServerFrame('{"op":"error","status":400,"title":"Bad Request"}');
    expect(noRef?.op === 'error' && noRef.ref).toBeUndefined();
  });

  it.each([
    ['not JSON', 'hello'],
    ['not an object', '[1]'],
    ['an unknown op', '{"op":"reboot","ref":"1"}'],
    ['a message without a ref', '{"op":"message","data":1}'],
    ['a ref that is not a string', '{"op":"joined","ref":1}'],
  ])('ignores %s', (_case, text) => {
    expect(parseServerFrame(text)).toBeUndefined();
  });

  it('reads a resync frame, which has no ref', () => {
    expect(parseServerFrame('{"op":"resync"}')).toEqual({ op: 'resync' });
  });

  it('ignores binary data', () => {
    expect(parseServerFrame(new ArrayBuffer(2))).toBeUndefined();
  });
});
