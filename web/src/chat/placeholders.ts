// Fills a canned response (a macro's reply) for a chat: {{customer_name}}, {{agent_name}} and
// {{ticket_number}}, plus the mail templates' names macros already use ({{recipient_name}},
// {{author_name}}, {{subject}}). Unknown placeholders stay as written, so a typo is visible
// before sending rather than silently dropped.

export interface PlaceholderValues {
  customer_name: string;
  agent_name: string;
  ticket_number: number | string;
  subject?: string;
}

export function fillPlaceholders(text: string, v: PlaceholderValues): string {
  const values: Record<string, string> = {
    customer_name: v.customer_name,
    recipient_name: v.customer_name,
    agent_name: v.agent_name,
    author_name: v.agent_name,
    ticket_number: String(v.ticket_number),
  };
  if (v.subject !== undefined) values.subject = v.subject;
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
  );
}
