// The runtime loop arrives with the trigger issue; until then the artifact says so and exits non-zero.
await Console.Error.WriteLineAsync("Trigger.Function: the runtime loop is not built yet.");
return 1;
