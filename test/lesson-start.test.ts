import { describe, expect, it } from 'vitest';
import { lessonStart } from '../src/lesson-start.js';

const COMMANDS = ['list', 'lint', 'help'];

describe('lessonStart', () => {
  it('is a lesson with at most --plain and --restart after it', () => {
    expect(lessonStart(['day4'], COMMANDS)).toEqual({ lesson: 'day4', plain: false, restart: false });
    expect(lessonStart(['day4', '--restart', '--plain'], COMMANDS)).toEqual({ lesson: 'day4', plain: true, restart: true });
  });

  it('takes --lessons DIR and --lessons=DIR, the last one winning as in commander', () => {
    expect(lessonStart(['day4', '--lessons', 'dir'], COMMANDS)).toEqual({ lesson: 'day4', plain: false, restart: false, lessons: 'dir' });
    expect(lessonStart(['x', '--plain', '--lessons=a', '--lessons', 'b'], COMMANDS)).toEqual({
      lesson: 'x',
      plain: true,
      restart: false,
      lessons: 'b',
    });
  });

  it('leaves commands, options first, and other flags to commander', () => {
    expect(lessonStart([], COMMANDS)).toBeUndefined();
    expect(lessonStart(['list'], COMMANDS)).toBeUndefined();
    expect(lessonStart(['--plain', 'day4'], COMMANDS)).toBeUndefined();
    expect(lessonStart(['day4', '--lessons'], COMMANDS)).toBeUndefined();
    expect(lessonStart(['day4', '--lessons', '--plain'], COMMANDS)).toBeUndefined();
    expect(lessonStart(['day4', '--lessons='], COMMANDS)).toBeUndefined();
    expect(lessonStart(['day4', '--lesson', 'dir'], COMMANDS)).toBeUndefined();
    expect(lessonStart(['day4', 'extra'], COMMANDS)).toBeUndefined();
  });
});
