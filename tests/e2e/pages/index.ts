export * from './common';
export { ImportDialog } from './ImportDialog';
export { RosterPage } from './RosterPage';
export { SetupPage, type EnterpriseData, type FirstOperator } from './SetupPage';
export { SignInPage } from './SignInPage';
export { WorkerDrawer } from './WorkerDrawer';
export { WorkerForm } from './WorkerForm';
