// Placeholder entry point; the seed and compare commands arrive with issue 4.
Console.Error.WriteLine("multistage: no commands yet");
return 1;
