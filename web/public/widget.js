/* Frontline chat loader. Include on any page of an allowed site with
     <script src="https://HELPDESK/widget.js" async></script>
   It adds a "Chat with support" button; the chat itself runs in an iframe served by the help desk
   (/widget.html on the origin this script came from), so it never touches the site's cookies and
   talks to the help desk without CORS. Plain ES5-era JavaScript on purpose: no build step, no
   hash in the name (sites link it for years), tiny, and nothing leaks into the host page's globals.
   Styles are set through element.style (CSSOM), which a site's strict style-src policy allows. */
(function () {
  'use strict';
  if (window.__frontlineChat) return; // included twice: one button is enough
  window.__frontlineChat = true;

  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll('script[src*="widget.js"]');
    script = all[all.length - 1];
  }
  if (!script) return;
  var origin = new URL(script.src, location.href).origin;
  var OPEN_KEY = 'frontline-chat-open:' + origin;

  var button, frame, box;

  function css(el, styles) {
    for (var k in styles) el.style[k] = styles[k];
  }

  function remembered() {
    try {
      return sessionStorage.getItem(OPEN_KEY) === '1';
    } catch (e) {
      return false;
    }
  }

  function remember(open) {
    try {
      if (open) sessionStorage.setItem(OPEN_KEY, '1');
      else sessionStorage.removeItem(OPEN_KEY);
    } catch (e) {
      /* storage blocked: the chat still works, a reload just shows it closed */
    }
  }

  function open(focus) {
    if (!box) {
      box = document.createElement('div');
      box.id = 'frontline-chat-box';
      css(box, {
        position: 'fixed', right: '16px', bottom: '76px', zIndex: '2147483000',
        width: 'min(400px, calc(100vw - 16px))', height: 'min(640px, calc(100vh - 92px))',
        boxShadow: '0 8px 28px rgba(0,0,0,.28)', borderRadius: '10px', overflow: 'hidden', background: '#fff'
      });
      if (window.innerWidth < 480) css(box, { right: '8px', left: '8px', width: 'auto' });
      frame = document.createElement('iframe');
      frame.src = origin + '/widget.html';
      frame.title = 'Chat with support';
      css(frame, { border: '0', width: '100%', height: '100%', display: 'block' });
      box.appendChild(frame);
      document.body.appendChild(box);
    }
    box.style.display = 'block';
    // The name stays "Chat with support"; aria-expanded says whether the chat is showing.
    button.setAttribute('aria-expanded', 'true');
    remember(true);
    if (focus) frame.focus();
  }

  function close(focus) {
    if (box) box.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    remember(false);
    if (focus) button.focus();
  }

  function start() {
    button = document.createElement('button');
    button.type = 'button';
    button.id = 'frontline-chat-button';
    button.setAttribute('aria-controls', 'frontline-chat-box');
    button.setAttribute('aria-expanded', 'false');
    button.textContent = 'Chat with support';
    css(button, {
      position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483001',
      font: '600 15px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      color: '#fff', background: '#0a58ca', border: '2px solid #fff', borderRadius: '24px',
      padding: '12px 18px', cursor: 'pointer', boxShadow: '0 4px 14px rgba(0,0,0,.25)'
    });
    button.addEventListener('click', function () {
      if (button.getAttribute('aria-expanded') === 'true') close(false);
      else open(true);
    });
    document.body.appendChild(button);

    // The chat page asks to be minimised (its button or Esc); only that frame is listened to.
    window.addEventListener('message', function (e) {
      if (e.origin !== origin || !frame || e.source !== frame.contentWindow) return;
      if (e.data && e.data.frontline === 'minimise') close(true);
    });

    // A chat that was open before the page reloaded opens again (it resumes inside the frame).
    if (remembered()) open(false);
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
