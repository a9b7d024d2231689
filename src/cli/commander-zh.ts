// commander reports usage errors in English; clinic staff read Chinese.
import type { CommanderError } from 'commander';

const quoted = (s: string) => s.match(/'([^']+)'/)?.[1] ?? '';

const HINT = '\n（用 siyu --help 查看用法）';

/** The error in Chinese, with a pointer to the help (unknown commands carry their own). */
export function translateCommanderError(e: CommanderError): string {
  return e.code === 'commander.unknownCommand' ? translated(e) : `${translated(e)}${HINT}`;
}

function translated(e: CommanderError): string {
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
    case 'commander.invalidArgument': {
      // "error: option '--days <n>' argument '99' is invalid. <our Chinese reason>"
      const option = /^error: option '([^' ]+)[^']*' argument '([^']*)' is invalid\.\s*(.*)$/s.exec(e.message);
      if (option) return `错误：选项 ${option[1]} 的值无效：${option[3] || `“${option[2]}”`}`;
      const argument = /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\.\s*(.*)$/s.exec(e.message);
      if (argument) return `错误：参数 ${argument[2]} 的值无效：${argument[3] || `“${argument[1]}”`}`;
      return `错误：${e.message.replace(/^error: /, '')}`;
    }
    case 'commander.excessArguments':
      return '错误：参数过多';
    default:
      return `错误：${e.message.replace(/^error: /, '')}`;
  }
}
