import { describe, expect, it } from '@jest/globals';
import { IsString, MaxLength, MetadataStorage, ValidationTypes, validateSync } from 'class-validator';
import { rememberValidationRules } from './validation-rules-cache';

class Note {
  @IsString()
  @MaxLength(5)
  text!: string;
}

type Rule = Parameters<MetadataStorage['addValidationMetadata']>[0];

/** A rule as a decorator registers it (class-validator does not export the class it makes rules with). */
const rule = (target: object, propertyName: string, groups: string[] = []): Rule =>
  ({
    type: ValidationTypes.CUSTOM_VALIDATION,
    target,
    propertyName,
    constraints: [],
    groups,
    each: false,
  }) as unknown as Rule;

describe('rememberValidationRules', () => {
  it('answers the same lookup from memory', () => {
    const storage = new MetadataStorage();
    storage.addValidationMetadata(rule(Note, 'text'));
    rememberValidationRules(storage);
    const first = storage.getTargetValidationMetadatas(Note, '', false, false);
    expect(storage.getTargetValidationMetadatas(Note, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(Object.keys(storage.groupByPropertyName(first))).toEqual(['text']);
  });

  it('forgets what it remembered when a rule is registered later', () => {
    const storage = new MetadataStorage();
    storage.addValidationMetadata(rule(Note, 'text'));
    rememberValidationRules(storage);
    expect(storage.getTargetValidationMetadatas(Note, '', false, false)).toHaveLength(1);
    storage.addValidationMetadata(rule(Note, 'author'));
    const later = storage.getTargetValidationMetadatas(Note, '', false, false);
    expect(later).toHaveLength(2);
    expect(Object.keys(storage.groupByPropertyName(later)).sort()).toEqual(['author', 'text']);
  });

  it('keeps answers apart by the options of the lookup', () => {
    const storage = new MetadataStorage();
    storage.addValidationMetadata(rule(Note, 'text', ['a']));
    rememberValidationRules(storage);
    expect(storage.getTargetValidationMetadatas(Note, '', false, false, ['a'])).toHaveLength(1);
    expect(storage.getTargetValidationMetadatas(Note, '', false, false, ['b'])).toHaveLength(0);
  });

  it('still validates every value on the process-wide storage', () => {
    rememberValidationRules();
    rememberValidationRules(); // twice: as when tests build several apps in one process
    const note = Object.assign(new Note(), { text: 'too long' });
    expect(validateSync(note).map((error) => Object.keys(error.constraints ?? {}))).toEqual([['maxLength']]);
    expect(validateSync(Object.assign(new Note(), { text: 'ok' }))).toEqual([]);
  });
});
