/** @module Entry point: mounts the application and its stylesheet. */
import { render } from 'preact';
import { App } from './app.tsx';
import './styles/main.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
