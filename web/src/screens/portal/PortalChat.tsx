// A signed-in customer chats with support from the portal: the widget's chat, with their name
// and email filled in from the account.
import type { Me } from '../../api';
import { CustomerChat } from '../../chat/CustomerChat';
import { useTitle } from '../../components/common';

export function PortalChat({ me }: { me: Me }) {
  useTitle('Chat with us');
  return (
    <section class="portal-chat" aria-labelledby="portal-chat-title">
      <h1 id="portal-chat-title">Chat with us</h1>
      <p class="lede">A technician answers here, live. Everything said is kept on a ticket you can find under My tickets.</p>
      <CustomerChat mode="session" prefill={{ name: me.name, email: me.email }} />
    </section>
  );
}
