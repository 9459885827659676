export * from './domain/notice';
export * from './application/recipients';
export * from './application/notifier';
export * from './channels/email.channel';
export * from './channels/webhook.channel';
