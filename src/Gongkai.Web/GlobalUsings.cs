// The web project is organised by feature (Features/<Feature>); every feature sees the others by name.
global using Gongkai.Web.Features;
global using Gongkai.Web.Features.Agencies;
global using Gongkai.Web.Features.Applications;
global using Gongkai.Web.Features.Cases;
global using Gongkai.Web.Features.Jobs;
global using Gongkai.Web.Features.Notifications;
global using Gongkai.Web.Features.Portal;
global using Gongkai.Web.Features.Publishing;
global using Gongkai.Web.Features.Reports;
global using Gongkai.Web.Features.ReviewBatches;
global using Gongkai.Web.Features.Shared;
global using Gongkai.Web.Features.Staff;
global using Gongkai.Web.Features.Supervision;
