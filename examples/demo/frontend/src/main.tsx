import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MizanProvider } from './mizan';
import { App } from './App';
import './app.css';

// MizanProvider reads the contexts the server embedded in the page, so the first render needs no fetch.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MizanProvider baseUrl="api/mizan">
      <App />
    </MizanProvider>
  </StrictMode>,
);
