/** @module The application: providers, layout and the code-split routes (paths in French). */
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { PageErrorBoundary } from './core/error-boundary.tsx';
import { I18nProvider } from './core/i18n.tsx';
import { Layout } from './core/layout.tsx';
import { lazyPage } from './core/lazy-page.ts';
import { TerritoryHomePage } from './territories/territory-home-page.tsx';
import { requestHeadingFocus } from './core/page-heading.tsx';
import { SessionProvider } from './core/session.tsx';
import { RedirectToTerritory } from './territories/redirect-to-territory.tsx';

// The home page is the landing page: in the main bundle, so a first visit waits for one chunk fewer.
const TerritoryHome = TerritoryHomePage;
const SignUp = lazyPage(() => import('./accounts/sign-up-page.tsx').then((m) => m.SignUpPage));
const SignIn = lazyPage(() => import('./accounts/sign-in-page.tsx').then((m) => m.SignInPage));
const ForgotPassword = lazyPage(() => import('./accounts/forgot-password-page.tsx').then((m) => m.ForgotPasswordPage));
const ResetPassword = lazyPage(() => import('./accounts/reset-password-page.tsx').then((m) => m.ResetPasswordPage));
const VerifyEmail = lazyPage(() => import('./accounts/verify-email-page.tsx').then((m) => m.VerifyEmailPage));
const Account = lazyPage(() => import('./accounts/account-page.tsx').then((m) => m.AccountPage));
const MyCommunities = lazyPage(() => import('./communities/my-communities-page.tsx').then((m) => m.MyCommunitiesPage));
const Directory = lazyPage(() => import('./communities/directory-page.tsx').then((m) => m.DirectoryPage));
const CreateCommunity = lazyPage(() => import('./communities/create-community-page.tsx').then((m) => m.CreateCommunityPage));
const CommunityPage = lazyPage(() => import('./communities/community-page.tsx').then((m) => m.CommunityPage));
const Invite = lazyPage(() => import('./communities/invite-page.tsx').then((m) => m.InvitePage));
const Commute = lazyPage(() => import('./commute/commute-page.tsx').then((m) => m.CommutePage));
const Carpool = lazyPage(() => import('./carpool/carpool-page.tsx').then((m) => m.CarpoolPage));
const Reviews = lazyPage(() => import('./carpool/reviews-page.tsx').then((m) => m.ReviewsPage));
const Ride = lazyPage(() => import('./carpool/ride-page.tsx').then((m) => m.RidePage));
const Corridors = lazyPage(() => import('./corridors/corridors-page.tsx').then((m) => m.CorridorsPage));
const Corridor = lazyPage(() => import('./corridors/corridor-page.tsx').then((m) => m.CorridorPage));
const Engagements = lazyPage(() => import('./engagements/engagements-page.tsx').then((m) => m.EngagementsPage));
const CreateEngagement = lazyPage(() => import('./engagements/create-engagement-page.tsx').then((m) => m.CreateEngagementPage));
const Engagement = lazyPage(() => import('./engagements/engagement-page.tsx').then((m) => m.EngagementPage));
const MyEngagements = lazyPage(() => import('./engagements/my-engagements-page.tsx').then((m) => m.MyEngagementsPage));
const Notifications = lazyPage(() => import('./notifications/notifications-page.tsx').then((m) => m.NotificationsPage));
const MyImpact = lazyPage(() => import('./impact/my-impact-page.tsx').then((m) => m.MyImpactPage));
const TerritoryImpact = lazyPage(() => import('./impact/territory-impact-page.tsx').then((m) => m.TerritoryImpactPage));
const Campaigns = lazyPage(() => import('./incentives/campaigns-page.tsx').then((m) => m.CampaignsPage));
const CampaignEditor = lazyPage(() => import('./incentives/campaign-editor-page.tsx').then((m) => m.CampaignEditorPage));
const Campaign = lazyPage(() => import('./incentives/campaign-page.tsx').then((m) => m.CampaignPage));
const Wallet = lazyPage(() => import('./incentives/wallet-page.tsx').then((m) => m.WalletPage));
const Merchant = lazyPage(() => import('./incentives/merchant-page.tsx').then((m) => m.MerchantPage));
const MerchantBooks = lazyPage(() => import('./incentives/merchant-books-page.tsx').then((m) => m.MerchantBooksPage));
const VolunteeringSearch = lazyPage(() => import('./volunteering/search-page.tsx').then((m) => m.SearchPage));
const VolunteeringMission = lazyPage(() => import('./volunteering/mission-page.tsx').then((m) => m.MissionPage));
const VolunteeringOrganisation = lazyPage(() => import('./volunteering/organisation-page.tsx').then((m) => m.OrganisationPage));
const MyVolunteeringOrganisation = lazyPage(() => import('./volunteering/my-organisation-page.tsx').then((m) => m.MyOrganisationPage));
const MyParticipations = lazyPage(() => import('./volunteering/my-participations-page.tsx').then((m) => m.MyParticipationsPage));
const VolunteeringValidation = lazyPage(() => import('./volunteering/validation-page.tsx').then((m) => m.ValidationPage));
const AidAsk = lazyPage(() => import('./mutual-aid/ask-page.tsx').then((m) => m.AskPage));
const AidMine = lazyPage(() => import('./mutual-aid/my-requests-page.tsx').then((m) => m.MyRequestsPage));
const AidNearby = lazyPage(() => import('./mutual-aid/nearby-page.tsx').then((m) => m.NearbyPage));
const AidHelper = lazyPage(() => import('./mutual-aid/helper-page.tsx').then((m) => m.HelperPage));
const AidOffers = lazyPage(() => import('./mutual-aid/offers-page.tsx').then((m) => m.OffersPage));
const Bonjour = lazyPage(() => import('./check-ins/bonjour-page.tsx').then((m) => m.BonjourPage));
const BonjourEnrol = lazyPage(() => import('./check-ins/enrolment-page.tsx').then((m) => m.EnrolmentPage));
const BonjourReferent = lazyPage(() => import('./check-ins/referent-page.tsx').then((m) => m.ReferentPage));
const BonjourDuty = lazyPage(() => import('./check-ins/duty-page.tsx').then((m) => m.DutyPage));
const Moderation = lazyPage(() => import('./moderation/moderation-page.tsx').then((m) => m.ModerationPage));
const MeetingPoints = lazyPage(() => import('./places/meeting-points-page.tsx').then((m) => m.MeetingPointsPage));
const Mediation = lazyPage(() => import('./mediation/mediation-page.tsx').then((m) => m.MediationPage));
const Takeover = lazyPage(() => import('./mediation/takeover-page.tsx').then((m) => m.TakeoverPage));
const Audit = lazyPage(() => import('./mediation/audit-page.tsx').then((m) => m.AuditPage));
const Admin = lazyPage(() => import('./admin/admin-page.tsx').then((m) => m.AdminPage));
const AdminRoles = lazyPage(() => import('./admin/roles-page.tsx').then((m) => m.RolesPage));
const AdminCorridors = lazyPage(() => import('./admin/corridors-page.tsx').then((m) => m.CorridorsAdminPage));
const AdminCorridor = lazyPage(() => import('./admin/corridor-form-page.tsx').then((m) => m.CorridorFormPage));
const AdminFactors = lazyPage(() => import('./admin/factors-page.tsx').then((m) => m.FactorsPage));
const AdminFactorVersion = lazyPage(() => import('./admin/factor-version-page.tsx').then((m) => m.FactorVersionPage));
const Observatory = lazyPage(() => import('./observatory/observatory-page.tsx').then((m) => m.ObservatoryPage));
const DevMail = lazyPage(() => import('./dev/mail-outbox-page.tsx').then((m) => m.MailOutboxPage));
const NotFound = lazyPage(() => import('./core/not-found-page.tsx').then((m) => m.NotFoundPage));

/** Links under /api (OpenAPI, data export) are real downloads, not client-side routes. */
const ROUTED_LINKS = /^\/(?!api\/)/;

function Routes() {
  const { url } = useLocation();
  return (
    <PageErrorBoundary resetKey={url}>
      <Router onRouteChange={requestHeadingFocus}>
        <Route path="/" component={RedirectToTerritory} />
        <Route path="/t/:territory" component={TerritoryHome} />
        <Route path="/t/:territory/inscription" component={SignUp} />
        <Route path="/t/:territory/connexion" component={SignIn} />
        <Route path="/t/:territory/mot-de-passe-oublie" component={ForgotPassword} />
        <Route path="/reinitialiser" component={ResetPassword} />
        <Route path="/verifier" component={VerifyEmail} />
        <Route path="/t/:territory/compte" component={Account} />
        <Route path="/t/:territory/mes-communautes" component={MyCommunities} />
        <Route path="/t/:territory/communautes" component={Directory} />
        <Route path="/t/:territory/communautes/nouvelle" component={CreateCommunity} />
        <Route path="/t/:territory/communautes/:id" component={CommunityPage} />
        <Route path="/t/:territory/invitation/:code" component={Invite} />
        <Route path="/t/:territory/trajet" component={Commute} />
        <Route path="/t/:territory/covoiturage" component={Carpool} />
        <Route path="/t/:territory/covoiturage/trajets/:id" component={Ride} />
        <Route path="/t/:territory/verifications" component={Reviews} />
        <Route path="/t/:territory/axes" component={Corridors} />
        <Route path="/t/:territory/axes/:id" component={Corridor} />
        <Route path="/t/:territory/engagements" component={Engagements} />
        <Route path="/t/:territory/engagements/nouveau" component={CreateEngagement} />
        <Route path="/t/:territory/engagements/:id" component={Engagement} />
        <Route path="/t/:territory/mes-engagements" component={MyEngagements} />
        <Route path="/notifications" component={Notifications} />
        <Route path="/t/:territory/impact" component={MyImpact} />
        <Route path="/t/:territory/impact/territoire" component={TerritoryImpact} />
        <Route path="/t/:territory/campagnes" component={Campaigns} />
        <Route path="/t/:territory/campagnes/nouvelle" component={CampaignEditor} />
        <Route path="/t/:territory/campagnes/:id/modifier" component={CampaignEditor} />
        <Route path="/t/:territory/campagnes/:id" component={Campaign} />
        <Route path="/t/:territory/portefeuille" component={Wallet} />
        <Route path="/t/:territory/commercant" component={Merchant} />
        <Route path="/t/:territory/commerces" component={MerchantBooks} />
        <Route path="/t/:territory/benevolat" component={VolunteeringSearch} />
        <Route path="/t/:territory/benevolat/missions/:id" component={VolunteeringMission} />
        <Route path="/t/:territory/benevolat/organisations/:id" component={VolunteeringOrganisation} />
        <Route path="/t/:territory/benevolat/mon-organisation" component={MyVolunteeringOrganisation} />
        <Route path="/t/:territory/benevolat/mes-participations" component={MyParticipations} />
        <Route path="/t/:territory/benevolat/validation" component={VolunteeringValidation} />
        <Route path="/t/:territory/entraide/demander" component={AidAsk} />
        <Route path="/t/:territory/entraide/mes-demandes" component={AidMine} />
        <Route path="/t/:territory/entraide/a-proximite" component={AidNearby} />
        <Route path="/t/:territory/entraide/aider" component={AidHelper} />
        <Route path="/t/:territory/entraide/propositions" component={AidOffers} />
        <Route path="/t/:territory/bonjour" component={Bonjour} />
        <Route path="/t/:territory/bonjour/inscription" component={BonjourEnrol} />
        <Route path="/t/:territory/bonjour/referent" component={BonjourReferent} />
        <Route path="/t/:territory/bonjour/permanence" component={BonjourDuty} />
        <Route path="/t/:territory/moderation" component={Moderation} />
        <Route path="/t/:territory/points-de-rencontre" component={MeetingPoints} />
        <Route path="/t/:territory/mediation" component={Mediation} />
        <Route path="/t/:territory/reprendre-mon-compte" component={Takeover} />
        <Route path="/t/:territory/journal" component={Audit} />
        <Route path="/t/:territory/admin" component={Admin} />
        <Route path="/t/:territory/admin/roles" component={AdminRoles} />
        <Route path="/t/:territory/admin/axes" component={AdminCorridors} />
        <Route path="/t/:territory/admin/axes/nouveau" component={AdminCorridor} />
        <Route path="/t/:territory/admin/axes/:id" component={AdminCorridor} />
        <Route path="/t/:territory/admin/facteurs" component={AdminFactors} />
        <Route path="/t/:territory/admin/facteurs/:version" component={AdminFactorVersion} />
        <Route path="/t/:territory/observatoire" component={Observatory} />
        <Route path="/dev/courriels" component={DevMail} />
        <Route default component={NotFound} />
      </Router>
    </PageErrorBoundary>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider scope={ROUTED_LINKS}>
          <Layout>
            <Routes />
          </Layout>
        </LocationProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
