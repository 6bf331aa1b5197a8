/**
 * Who does what in the demo: the caseworkers of each office (the user who runs the demo among
 * Ottawa's), the supervisors who review, the admin who imports and invites, and which officers
 * write their notes in French.
 */
import type {OfficerRole} from '../../../db/index.js';
import {DEMO_OFFICERS, OFFICES, YOUR_OFFICE, YOUR_ROLES} from './officers.js';
import {Weighted, type Random} from './random.js';

/** One officer as the demo uses them. */
export type StaffMember = {userName: string; displayName: string; roles: readonly OfficerRole[]; office: string};

/** The demo's staff around the user who runs it. */
export class Staff {
	/** Everyone, the user who runs the demo first. */
	readonly members: readonly StaffMember[];
	/** The admin who imports profiles, issues invitations and registers e-APRs. */
	readonly admin: string;
	private readonly caseworkers = new Map<string, string[]>();
	private readonly supervisors: StaffMember[];
	private readonly offices = new Weighted(OFFICES);
	private readonly frenchWriters = new Set(['mtremblay', 'pcote']);

	/** Staff with `you` (the OS login or CAIPS_OFFICER) as an officer and supervisor in Ottawa. */
	constructor(readonly you: string) {
		const others = DEMO_OFFICERS.filter((o) => o.userName !== you);
		this.members = [{userName: you, displayName: you, roles: YOUR_ROLES, office: YOUR_OFFICE}, ...others];
		this.admin = others.find((o) => o.roles.includes('admin'))?.userName ?? you;
		for (const member of this.members) {
			if (!member.roles.includes('officer') || member.userName === this.admin) continue;
			const list = this.caseworkers.get(member.office) ?? [];
			list.push(member.userName);
			this.caseworkers.set(member.office, list);
		}
		this.supervisors = this.members.filter((m) => m.roles.includes('supervisor'));
	}

	/** An office for a received case. */
	office(random: Random): string {
		return random.draw(this.offices);
	}

	/** A caseworker of `office` (the user who runs the demo gets a good share of Ottawa's). */
	caseworker(office: string, random: Random): string {
		const list = this.caseworkers.get(office) ?? [this.you];
		if (office === YOUR_OFFICE && random.chance(0.5)) return this.you;
		return random.pick(list);
	}

	/** A supervisor other than `not`, from `office` when there is one. */
	supervisor(office: string, not: string, random: Random): string {
		const local = this.supervisors.filter((s) => s.office === office && s.userName !== not);
		const any = this.supervisors.filter((s) => s.userName !== not);
		return random.pick(local.length > 0 ? local : any).userName;
	}

	/** Whether `userName` writes notes in French (some of the time for the others). */
	writesFrench(userName: string, random: Random): boolean {
		return this.frenchWriters.has(userName) ? random.chance(0.85) : random.chance(0.12);
	}
}
