import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MizanProvider, createMizanSocket } from './mizan';
import { App } from './App';
import './app.css';

// The page's one WebSocket, at <page origin>/mizan/ws (the demo runs at the context root /). It carries
// the chat, and the invalidation keys the server pushes after anyone's mutation: with it, the notes
// board refetches by itself when another tab or user adds a note.
const socket = createMizanSocket();

// MizanProvider reads the contexts the server embedded in the page, so the first render needs no fetch.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MizanProvider baseUrl="api/mizan" socket={socket}>
      <App />
    </MizanProvider>
  </StrictMode>,
);
