import { DomainError } from '@ruamjai/kernel';

export class NotificationNotFound extends DomainError {
  readonly code = 'NOTIFICATION.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(id: string) {
    super({ th: `ไม่พบการแจ้งเตือน ${id}`, en: `Notification ${id} was not found` }, { id });
  }
}

export class NotificationsNotPermitted extends DomainError {
  readonly code = 'AUTH.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(what: { th: string; en: string }) {
    super({ th: `ผู้ใช้บทบาทนี้${what.th}ไม่ได้ (เฉพาะผู้ประสานงาน)`, en: `This role may not ${what.en} (coordinators only)` });
  }
}

export class DeliveryNotDead extends DomainError {
  readonly code = 'NOTIFICATION.NOT_DEAD_LETTER';
  readonly kind = 'conflict';
  constructor(id: string) {
    super({ th: `การส่ง ${id} ไม่อยู่ในรายการส่งไม่สำเร็จ`, en: `Delivery ${id} is not on the dead-letter list` }, { id });
  }
}
