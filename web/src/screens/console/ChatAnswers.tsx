// A chat's pre-chat answers as technicians need them: a customer who is a technician themself
// is marked plainly ("skip the basics"), and the steps already tried come first, so nobody asks
// "have you restarted it?" twice.
import { stepLabel, type Chat } from '../../chat/protocol';

export function ChatAnswers({ chat }: { chat: Chat }) {
  const steps = [...(chat.steps_done ?? []).map(stepLabel), ...(chat.steps_other ? [chat.steps_other] : [])];
  return (
    <div class="chat-answers-staff">
      {chat.technician && <span class="badge badge-technician">Technician — skip the basics</span>}
      {steps.length > 0 ? (
        <>
          <p>
            <strong>Already tried:</strong>
          </p>
          <ul class="chat-steps" aria-label="Already tried">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">No steps tried yet.</p>
      )}
      {(chat.serial_number || chat.machine_type) && (
        <dl class="chat-facts">
          {chat.machine_type && (
            <div>
              <dt>Machine</dt>
              <dd>{chat.machine_type}</dd>
            </div>
          )}
          {chat.serial_number && (
            <div>
              <dt>Serial number</dt>
              <dd>{chat.serial_number}</dd>
            </div>
          )}
        </dl>
      )}
    </div>
  );
}
