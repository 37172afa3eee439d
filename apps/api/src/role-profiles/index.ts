export { RoleProfilesModule } from './role-profiles.module';
export { ROLE_PROFILE_ENTITIES, RoleProfileEntity, RoleProfileRequirementEntity, RoleProfileVersionEntity } from './role-profile.entities';
