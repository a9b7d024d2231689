// commander reports usage errors in English; clinic staff read Chinese.
import type { CommanderError } from 'commander';

const quoted = (s: string) => s.match(/'([^']+)'/)?.[1] ?? '';

export function translateCommanderError(e: CommanderError): string {
  switch (e.code) {
    case 'commander.unknownOption':
      return `错误：未知选项 ${quoted(e.message)}`;
    case 'commander.unknownCommand':
      return `错误：未知命令 ${quoted(e.message)}（用 siyu --help 查看所有命令）`;
    case 'commander.missingArgument':
      return `错误：缺少参数 ${quoted(e.message)}`;
    case 'commander.optionMissingArgument':
      return `错误：选项 ${quoted(e.message)} 需要一个值`;
    case 'commander.missingMandatoryOptionValue':
      return `错误：缺少必填选项 ${quoted(e.message)}`;
    case 'commander.invalidArgument':
      return `错误：${e.message.replace(/^error: /, '')}`;
    case 'commander.excessArguments':
      return '错误：参数过多';
    default:
      return `错误：${e.message.replace(/^error: /, '')}`;
  }
}
