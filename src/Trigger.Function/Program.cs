// The runtime loop is wired once the AWS adapters land; until then the artifact says so and exits non-zero.
await Console.Error.WriteLineAsync("Trigger.Function: the old-pool adapter is not wired yet.");
return 1;
