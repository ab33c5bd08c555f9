// Organizations, their users (one per API key) and their IAM integrations.
import type { Sqlite } from "./open.js";
import { statement } from "./statements.js";
import type { IamIntegrationRecord, OrgRecord, UserRecord } from "./records.js";
import { newId } from "../ids.js";

const ORG_COLUMNS = "seq, id, name, adv, created_at AS createdAt, updated_at AS updatedAt";
const USER_COLUMNS = "id, org_seq AS orgSeq, email, name, nickname, created_at AS createdAt, updated_at AS updatedAt";
const IAM_COLUMNS =
  "id, org_seq AS orgSeq, name, provider, valid, is_org_default AS isOrgDefault, settings, created_at AS createdAt, updated_at AS updatedAt, last_valid_at AS lastValidAt";

type OrgRow = Omit<OrgRecord, "adv"> & { adv: number };
type IamRow = Omit<IamIntegrationRecord, "valid" | "isOrgDefault"> & { valid: number; isOrgDefault: number };

const toOrg = (r: OrgRow): OrgRecord => ({ ...r, adv: r.adv === 1 });
const toIam = (r: IamRow): IamIntegrationRecord => ({ ...r, valid: r.valid === 1, isOrgDefault: r.isOrgDefault === 1 });

/** Data for a new IAM integration. */
export interface NewIamIntegration {
  name: string;
  provider: "AWS" | "GCP";
  valid: boolean;
  isOrgDefault: boolean;
  settings: Record<string, string | null>;
}

export class OrgStore {
  constructor(private readonly db: Sqlite) {}

  /** The organization named `name`, created if new; its ADV flag is set to `adv`. */
  ensureOrg(name: string, adv: boolean, now: string): OrgRecord {
    const existing = this.db.prepare(`SELECT ${ORG_COLUMNS} FROM orgs WHERE name = ?`).get(name) as OrgRow | undefined;
    if (existing) {
      if ((existing.adv === 1) !== adv) this.db.prepare("UPDATE orgs SET adv = ?, updated_at = ? WHERE seq = ?").run(adv ? 1 : 0, now, existing.seq);
      return toOrg({ ...existing, adv: adv ? 1 : 0 });
    }
    const id = newId();
    const info = this.db.prepare("INSERT INTO orgs (id, name, adv, created_at, updated_at) VALUES (?, ?, ?, ?, ?)").run(id, name, adv ? 1 : 0, now, now);
    return { seq: Number(info.lastInsertRowid), id, name, adv, createdAt: now, updatedAt: now };
  }

  org(seq: number): OrgRecord | undefined {
    const row = statement(this.db, `SELECT ${ORG_COLUMNS} FROM orgs WHERE seq = ?`).get(seq) as OrgRow | undefined;
    return row && toOrg(row);
  }

  /** The user owning the key with this hash, created (or moved to `orgSeq`) as configured. */
  ensureUser(keyHash: string, orgSeq: number, profile: { email: string; name: string }, now: string): UserRecord {
    const existing = this.db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE key_hash = ?`).get(keyHash) as UserRecord | undefined;
    if (existing) {
      if (existing.orgSeq !== orgSeq || existing.email !== profile.email || existing.name !== profile.name) {
        this.db.prepare("UPDATE users SET org_seq = ?, email = ?, name = ?, updated_at = ? WHERE id = ?").run(orgSeq, profile.email, profile.name, now, existing.id);
        return { ...existing, orgSeq, email: profile.email, name: profile.name, updatedAt: now };
      }
      return existing;
    }
    const user: UserRecord = { id: newId(), orgSeq, email: profile.email, name: profile.name, nickname: profile.name, createdAt: now, updatedAt: now };
    this.db
      .prepare("INSERT INTO users (id, key_hash, org_seq, email, name, nickname, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(user.id, keyHash, orgSeq, user.email, user.name, user.nickname, now, now);
    return user;
  }

  iamIntegrations(orgSeq: number): IamIntegrationRecord[] {
    return (this.db.prepare(`SELECT ${IAM_COLUMNS} FROM iam_integrations WHERE org_seq = ? ORDER BY created_at, rowid`).all(orgSeq) as IamRow[]).map(toIam);
  }

  iamIntegration(id: string): IamIntegrationRecord | undefined {
    const row = this.db.prepare(`SELECT ${IAM_COLUMNS} FROM iam_integrations WHERE id = ?`).get(id) as IamRow | undefined;
    return row && toIam(row);
  }

  /** Adds an integration; a new org default replaces the previous one. */
  addIamIntegration(orgSeq: number, data: NewIamIntegration, now: string): IamIntegrationRecord {
    const id = newId();
    if (data.isOrgDefault) this.db.prepare("UPDATE iam_integrations SET is_org_default = 0 WHERE org_seq = ?").run(orgSeq);
    this.db
      .prepare(
        "INSERT INTO iam_integrations (id, org_seq, name, provider, valid, is_org_default, settings, created_at, updated_at, last_valid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(id, orgSeq, data.name, data.provider, data.valid ? 1 : 0, data.isOrgDefault ? 1 : 0, JSON.stringify(data.settings), now, now, data.valid ? now : null);
    return this.iamIntegration(id)!;
  }
}
