using RulesEngine.Host.Tests.Api.Support;

[assembly: AssemblyFixture(typeof(SharedHost))]
