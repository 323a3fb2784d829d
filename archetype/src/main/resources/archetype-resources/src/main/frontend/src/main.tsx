import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MizanProvider, createMizanSocket } from './mizan';
import { App } from './App';

// The page's one WebSocket: the server pushes what other users' calls changed, so every open tab
// refetches the tasks when anyone adds one.
const socket = createMizanSocket();

// MizanProvider reads the contexts the server embedded in the page: the first render needs no fetch.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MizanProvider baseUrl="api/mizan" socket={socket}>
      <App />
    </MizanProvider>
  </StrictMode>,
);
