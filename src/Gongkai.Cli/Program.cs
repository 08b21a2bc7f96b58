using Gongkai.Cli;
using Gongkai.Core.Calendar;

return CliApp.Run(args, Console.Out, Console.Error, ChinaClock.Real);
