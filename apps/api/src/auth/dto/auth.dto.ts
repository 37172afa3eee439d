import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest, SignInRequest } from '@proficio/shared/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'ada@example.org' })
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 12 characters, not the email address.' })
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  newPassword!: string;
}
