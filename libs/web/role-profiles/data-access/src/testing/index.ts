export * from './role-profile-fixtures';
