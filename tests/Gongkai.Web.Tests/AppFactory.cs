using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The one test host of the web application.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>;
