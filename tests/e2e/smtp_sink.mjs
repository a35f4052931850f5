// A small SMTP server on loopback for the end-to-end tests: it speaks enough of RFC 5321 (EHLO or
// HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) for Frontline's real SMTP client
// to deliver to it, and keeps every message it accepts ({from, to, data}). No TLS and no AUTH are
// offered, so the client sends in plain text as it does to a local relay.
import net from 'node:net';

export async function startSmtpSink() {
  const messages = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('latin1');
    let buffer = '';
    let envelope = { from: '', to: [] };
    let data = null; // the lines of DATA while it is being received
    const reply = (line) => socket.write(line + '\r\n');
    reply('220 e2e-sink ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (data) {
          if (line === '.') {
            messages.push({ from: envelope.from, to: envelope.to, data: Buffer.from(data.join('\r\n'), 'latin1').toString('utf8') });
            data = null;
            envelope = { from: '', to: [] };
            reply('250 2.0.0 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-e2e-sink');
          reply('250-8BITMIME');
          reply('250 SIZE 52428800');
        } else if (verb === 'HELO') reply('250 e2e-sink');
        else if (verb === 'MAIL') {
          envelope = { from: (/<([^>]*)>/.exec(line) ?? [])[1] ?? '', to: [] };
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          envelope.to.push((/<([^>]*)>/.exec(line) ?? [])[1] ?? '');
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') {
          envelope = { from: '', to: [] };
          reply('250 ok');
        } else if (verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    messages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
