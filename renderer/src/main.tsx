import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './app';
import { PortfolioStore } from './store/portfolio-store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Siden mangler sit rod-element.');
createRoot(root).render(
  <StrictMode>
    <App api={createApi()} store={new PortfolioStore()} />
  </StrictMode>,
);
