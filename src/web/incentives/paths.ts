/** @module Web routes of the incentive pages (paths in French), used by the header and the pages. */

const seg = encodeURIComponent;

export const incentivePaths = {
  campaigns: (t: string) => `/t/${seg(t)}/campagnes`,
  newCampaign: (t: string) => `/t/${seg(t)}/campagnes/nouvelle`,
  campaign: (t: string, id: string) => `/t/${seg(t)}/campagnes/${seg(id)}`,
  editCampaign: (t: string, id: string) => `/t/${seg(t)}/campagnes/${seg(id)}/modifier`,
  wallet: (t: string) => `/t/${seg(t)}/portefeuille`,
  merchant: (t: string) => `/t/${seg(t)}/commercant`,
  merchantBooks: (t: string) => `/t/${seg(t)}/commerces`,
};

/** API paths under /api/territories/:territory. */
export const incentiveApi = {
  campaigns: '/campaigns',
  campaign: (id: string) => `/campaigns/${seg(id)}`,
  simulate: '/campaigns/simulate',
  launch: (id: string) => `/campaigns/${seg(id)}/launch`,
  settle: (id: string) => `/campaigns/${seg(id)}/settle`,
  close: (id: string) => `/campaigns/${seg(id)}/close`,
  topUps: (id: string) => `/campaigns/${seg(id)}/top-ups`,
  returnRemainder: (id: string) => `/campaigns/${seg(id)}/return`,
  draws: (id: string) => `/campaigns/${seg(id)}/draws`,
  wallet: '/wallet',
  vouchers: '/wallet/vouchers',
  merchants: '/merchants',
  merchantAccounts: '/merchants/accounts',
  merchant: (merchantId: string) => `/merchants/${seg(merchantId)}`,
  settlements: (merchantId: string) => `/merchants/${seg(merchantId)}/settlements`,
  myShops: '/my-shops',
  voucher: (merchantId: string, code: string) => `/merchants/${seg(merchantId)}/vouchers/${seg(code)}`,
  redemptions: (merchantId: string) => `/merchants/${seg(merchantId)}/redemptions`,
};
