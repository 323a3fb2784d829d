// The socket over a real network connection, with the `ws` package as its WebSocket: what a Node
// user (or the Java build's integration test) does. The server here is a few lines of protocol.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { createMizanSocket } from '../src/socket';
import type { MizanSocket } from '../src/socket';

let server: WebSocketServer | undefined;
let socket: MizanSocket | undefined;

afterEach(async () => {
  socket?.close();
  await new Promise((resolve) => server?.close(resolve));
});

function listen(): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server = wss;
  wss.on('connection', (conn) => {
    conn.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: string; ref: string; data?: { text: string } };
      if (frame.op === 'join') {
        conn.send(JSON.stringify({ op: 'joined', ref: frame.ref }));
        conn.send(JSON.stringify({ op: 'invalidate', keys: ['notes;board=general'] }));
      }
      if (frame.op === 'send') {
        conn.send(JSON.stringify({ op: 'message', ref: frame.ref, data: { text: frame.data?.text.toUpperCase() } }));
      }
    });
  });
  return new Promise((resolve) => {
    wss.on('listening', () => resolve(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}/mizan/ws`));
  });
}

describe('createMizanSocket with the ws package', () => {
  it('takes the ws constructor as it is and speaks the protocol over a real connection', async () => {
    const url = await listen();
    socket = createMizanSocket({ url, WebSocket });
    const keys = new Promise<string[]>((resolve) => socket?.onInvalidate(resolve));
    const echoed = new Promise<{ text: string }>((resolve) => {
      socket?.join<{ room: string }, { text: string }>('chat', { room: 'lobby' }, { onMessage: resolve }).send({ text: 'hi' });
    });
    expect(await echoed).toEqual({ text: 'HI' });
    expect(await keys).toEqual(['notes;board=general']);
    expect(socket.status).toBe('open');
  });
});
