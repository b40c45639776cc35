export { applyCommand, type Applied, type Command, type CommandError, type IndicatorTextField } from './commands.ts';
export type { GroupCommand, GroupCommandError } from './groups.ts';
