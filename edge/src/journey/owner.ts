/** Whose journey an object holds. Every call names it, and the object refuses a call for someone else. */
export interface JourneyOwner {
  tenantId: string;
  userId: string;
}

/** The object's name for a (tenant, user): ids have no whitespace, so a newline cannot be forged into one. */
export function journeyObjectName(owner: JourneyOwner): string {
  return `${owner.tenantId}\n${owner.userId}`;
}
