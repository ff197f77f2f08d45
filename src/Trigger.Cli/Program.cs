// The commands arrive with the ops-tool issues; until then the tool says so and exits non-zero.
await Console.Error.WriteLineAsync("cognito-migrate: no commands are built yet.");
return 1;
