import { DomainError } from '@ruamjai/kernel';

export class UserNotFound extends DomainError {
  readonly code = 'USER.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(username: string) {
    super({ th: `ไม่พบผู้ใช้ ${username}`, en: `User ${username} was not found` }, { username });
  }
}

export class UserAlreadyRegistered extends DomainError {
  readonly code = 'USER.ALREADY_REGISTERED';
  readonly kind = 'conflict';
  constructor(username: string) {
    super({ th: `มีผู้ใช้ชื่อ ${username} แล้ว`, en: `User ${username} already exists` }, { username });
  }
}

export class UserInactive extends DomainError {
  readonly code = 'USER.INACTIVE';
  readonly kind = 'conflict';
  constructor(username: string) {
    super({ th: `ผู้ใช้ ${username} ถูกระงับแล้ว`, en: `User ${username} is deactivated` }, { username });
  }
}

export class UserInvalid extends DomainError {
  readonly code = 'USER.INVALID';
  readonly kind = 'invalid';
  constructor(th: string, en: string) {
    super({ th, en });
  }
}

export class UserUnchanged extends DomainError {
  readonly code = 'USER.UNCHANGED';
  readonly kind = 'conflict';
  constructor(username: string) {
    super(
      { th: `ผู้ใช้ ${username} มีบทบาทและหน่วยงานนี้อยู่แล้ว`, en: `User ${username} already has this role and agency` },
      { username },
    );
  }
}

export class UserPreferencesUnchanged extends DomainError {
  readonly code = 'USER.PREFERENCES_UNCHANGED';
  readonly kind = 'conflict';
  constructor(username: string) {
    super(
      { th: `ผู้ใช้ ${username} ตั้งค่าการแจ้งเตือนนี้ไว้แล้ว`, en: `User ${username} already has these notification settings` },
      { username },
    );
  }
}

export class UserNotPermitted extends DomainError {
  readonly code = 'AUTH.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(what: string) {
    super({ th: 'ผู้ใช้บทบาทนี้จัดการบัญชีผู้ใช้ไม่ได้', en: `This role may not ${what}` });
  }
}
