// The chat widget's page (/widget.html), shown in an iframe that /widget.js adds to a customer's
// site. It runs on the help desk's own origin, so it talks to the API same-origin (no CORS) as
// an anonymous visitor. "Minimise" asks the embedding page to hide the frame; the chat goes on.
import { render } from 'preact';
import { CustomerChat } from '../chat/CustomerChat';
import '../styles.css';

function minimise() {
  // Only the page that framed us listens; '*' is safe because the message carries no data.
  window.parent.postMessage({ frontline: 'minimise' }, '*');
}

function Widget() {
  const framed = window.parent !== window;
  return (
    <div class="widget">
      <header class="widget-head">
        <h1>Support chat</h1>
        {framed && (
          <button type="button" class="button-quiet" onClick={minimise} aria-label="Minimise the chat">
            ▁
          </button>
        )}
      </header>
      <main class="widget-main" onKeyDown={(e) => e.key === 'Escape' && framed && minimise()}>
        <CustomerChat mode="visitor" />
      </main>
    </div>
  );
}

render(<Widget />, document.getElementById('widget')!);
