// The service directory as the API answers it (docs/services.md): who supports what, with
// contacts and their call trees, and the saved states (revisions) of each service.
import { get, type List, qs } from './api';

/** One step of a phone menu: what to press (may be empty for plain text) and where it leads. */
export interface CallTreeStep {
  press: string;
  then: string;
}

export type ContactKind = 'phone' | 'email' | 'web';
export type VerificationMethod = 'called' | 'emailed' | 'web_form' | 'other';
export type VerificationResult = 'works' | 'wrong' | 'no_answer';

export interface ServiceContact {
  id: number;
  kind: ContactKind;
  value: string;
  call_tree: CallTreeStep[];
  hours: string;
  time_zone: string;
  primary: boolean;
  // Staff only:
  public?: boolean;
  escalation?: boolean;
  escalation_order?: number | null;
  active?: boolean;
  notes?: string;
  last_verified_at?: string | null;
  verified_by?: number | null;
  verified_how?: VerificationMethod | null;
  verified_result?: VerificationResult | null;
  review_interval_days?: number;
  review_due_at?: string;
  overdue?: boolean;
  created_at?: string;
}

export interface Service {
  id: number;
  name: string;
  description: string;
  urls: string[];
  keywords: string[];
  public: boolean;
  contacts: ServiceContact[];
  // Staff only:
  team_id?: number | null;
  version?: number;
  created_at?: string;
  updated_at?: string;
}

/** A contact as a create or PATCH sends it (no id: a new contact). */
export interface ContactDraft {
  id?: number;
  kind: ContactKind;
  value: string;
  call_tree: CallTreeStep[];
  hours: string;
  time_zone: string;
  public: boolean;
  escalation: boolean;
  escalation_order?: number | null;
  primary: boolean;
  active: boolean;
  notes: string;
  review_interval_days: number;
}

export interface ServiceRevision {
  id: number;
  service_id: number;
  author: { id: number; name: string } | null;
  created_at: string;
  restored_from: number | null;
  snapshot: {
    name: string;
    description: string;
    urls: string[];
    keywords: string[];
    team_id: number | null;
    public: boolean;
    contacts: Partial<ContactDraft>[];
  } | null;
}

export type OrphanReason = 'no_active_contact' | 'no_team' | 'team_without_members' | 'all_contacts_overdue';

export interface OrphanService {
  service: Service;
  reason: OrphanReason;
  open_tickets: number;
}

/** Services by name, whole keyword or any URL on their hosts; every visible one for "". */
export const searchServices = (text: string) => get<List<Service>>(`/services${qs({ q: text.trim() })}`).then((l) => l.items);
