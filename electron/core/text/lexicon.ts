/**
 * Recruiter vocabulary: the abbreviations and jargon that appear in job titles ("Sr. RN",
 * "HRBP", "A/P Clerk", "SDR", "Atty"), each with its full English wording.
 *
 * Format: one entry a line in LEXICON_TSV, four tab-separated columns:
 *   abbr        the token as it appears in a title after lower-casing, with trailing periods and
 *               punctuation such as commas and parentheses removed ("sr", "a/p", "fp&a").
 *   expansions  the full form; where a token has several common meanings in titles they are listed
 *               separated by " | ", most common first.
 *   domain      healthcare, it, finance, trades, logistics, sales, hr, legal, executive, general,
 *               education, engineering, hospitality, science, public (public sector, military,
 *               safety), media or management.
 *   kind        how the entry is used:
 *     expand     unambiguous in a job title and not an ordinary word in a language the app sees:
 *                the app's title normalisation rewrites the token to its expansion, and the
 *                explanation panel shows the expansion ("Sr." -> "senior").
 *     ambiguous  several meanings, or also a common word ("pm", "or", "pa", "do"): never rewritten
 *                by the app; used in training augmentation. Where it lists two or more meanings,
 *                the engine reads an English title that has it in each (normalize.ts,
 *                titleReadings); one with a single meaning is a common word and stays a word.
 *     augment    unambiguous but too short or risky to rewrite blindly ("admin", "exec", "eng"):
 *                never rewritten by the app; used only in training augmentation.
 *   In training augmentation the abbreviated and expanded forms of the same title are positives
 *   of each other. Lines starting with # are comments.
 *
 * Sources of knowledge: written by the project from general professional knowledge of job
 * titles: common usage in job postings and staffing; professional licensing and credential names
 * (state boards of nursing, AICPA for CPA, CFA Institute, NREMT for EMT, AOTA/APTA/ASHA for
 * OT/PT/SLP; nursing specialty certification boards such as ANCC and AACN; actuarial and
 * insurance bodies such as the SOA, CAS and CII; IT security and cloud certifying bodies such as
 * ISC2, ISACA, GIAC and the CNCF; outside the US, the titles and credentials of bodies such as
 * CIPD, CIPS, RICS, IOSH, CILEX, the NMC and HCPC, and UK, Irish, Canadian and Australian nursing,
 * school and police titles); published military rank structures (US, UK, Canadian, Australian)
 * and UK civil-service grades; the O*NET 27.0 "Alternate Titles" short-title column (Short Title,
 * e.g. RN, CPA) in ../shared/data/onet, used as a cross-check; and standard executive-title
 * conventions. No text was copied from any source.
 *
 * Adding an entry needs no code change: add a line here and both the app (lexicon-table.ts) and
 * the training code (models/training/titlematch_train/lexicon.py) pick it up.
 */

/** The lexicon as tab-separated lines: abbreviation, expansion(s), domain, kind. Parsed by lexicon-table.ts and by models/training/titlematch_train/lexicon.py. */
export const LEXICON_TSV = `
# abbr	expansions	domain	kind
# general title words
sr	senior	general	expand
snr	senior	general	expand
jr	junior	general	expand
jnr	junior	general	expand
mgr	manager	general	expand
mngr	manager	general	expand
asst	assistant	general	expand
assoc	associate	general	expand
dir	director	general	expand
coord	coordinator	general	expand
rep	representative	general	expand
mgmt	management	general	expand
mktg	marketing	general	expand
spec	specialist	general	expand
supv	supervisor	general	expand
supvr	supervisor	general	expand
cust	customer	general	expand
svc	service	general	expand
svcs	services	general	expand
admin	administrator | administrative | administration	general	augment
exec	executive	general	augment
tech	technician | technical | technology	general	augment
mgt	management	general	expand
mngmt	management	general	expand
mgmnt	management	general	expand
adm	administrator | administration | admiral	general	ambiguous
coor	coordinator	general	expand
sup	supervisor | support	general	ambiguous
supt	superintendent	general	expand
supr	supervisor	general	expand
spvr	supervisor	general	expand
ast	assistant	general	augment
ops	operations	general	expand
oper	operator | operations	general	ambiguous
op	operator | operations	general	ambiguous
dept	department	general	expand
div	division	general	augment
intl	international	general	expand
natl	national	general	expand
reg	regional | registered | regulatory	general	ambiguous
rgnl	regional	general	expand
corp	corporate | corporation	general	ambiguous
hq	headquarters	general	expand
ft	full-time	general	augment
temp	temporary	general	ambiguous
perm	permanent	general	augment
ldr	leader	general	expand
genl	general	general	expand
gen	general | generation	general	ambiguous
info	information	general	augment
prod	production | product	general	ambiguous
qlty	quality	general	expand
prog	program | programmer | programming	general	ambiguous
proj	project	general	expand
prj	project	general	expand
anlst	analyst	general	expand
cnsltnt	consultant	general	expand
consult	consultant | consulting	general	augment
comm	communications | commercial | community	general	ambiguous
ofc	office | officer	general	ambiguous
offcr	officer	general	expand
clk	clerk	general	expand
recep	receptionist | reception	general	augment
sec	secretary | security | section	general	ambiguous
secy	secretary	general	expand
trnr	trainer	general	expand
ed	emergency department | executive director | education | editor	general	ambiguous
biz	business	general	augment
bus	business	general	ambiguous
grp	group	general	expand
ea	executive assistant | enrolled agent	general	ambiguous
pa	physician assistant | personal assistant | production assistant	general	ambiguous
va	virtual assistant | veterans affairs	general	ambiguous
sme	subject matter expert | small and medium-sized enterprises	general	ambiguous
tl	team lead | team leader | truckload	general	ambiguous
pr	public relations | payroll	general	ambiguous
emp	employee | employment	general	ambiguous
# general: title words as HR systems truncate them, and posting terms
spclst	specialist	general	expand
prgmr	programmer	general	expand
cnslr	counselor	general	expand
advsr	advisor	general	expand
adv	advisor | advanced | advertising	general	ambiguous
prin	principal	general	expand
dpty	deputy	general	expand
dep	deputy | department	general	ambiguous
acq	acquisition	general	expand
devt	development	general	expand
dist	district | distribution	general	ambiguous
terr	territory	general	expand
rec	recreation | recruitment | records	general	ambiguous
lvl	level	general	expand
co-ord	coordinator	general	expand
supvsr	supervisor	general	expand
wfh	work from home	general	expand
p/t	part-time	general	expand
f/t	full-time	general	expand
ftc	fixed-term contract | federal trade commission	general	ambiguous
# general: more truncations and contract terms
pgmr	programmer	general	expand
princ	principal	general	expand
rel	relations | reliability	general	ambiguous
contr	contractor | controller	general	ambiguous
insp	inspector | inspection	general	augment
wkr	worker	general	augment
wrkr	worker	general	expand
hlpr	helper	general	expand
drvr	driver	general	expand
reps	representatives	general	augment
cert	certified | certificate	general	augment
c2h	contract to hire	general	expand
c2c	corp to corp	general	expand
bpo	business process outsourcing	general	expand
# healthcare
rn	registered nurse	healthcare	expand
lpn	licensed practical nurse	healthcare	expand
lvn	licensed vocational nurse	healthcare	expand
cna	certified nursing assistant	healthcare	expand
np	nurse practitioner | nonprofit	healthcare	ambiguous
fnp	family nurse practitioner	healthcare	expand
pnp	pediatric nurse practitioner	healthcare	expand
whnp	women's health nurse practitioner	healthcare	expand
acnp	acute care nurse practitioner	healthcare	expand
agnp	adult gerontology nurse practitioner	healthcare	expand
agacnp	adult gerontology acute care nurse practitioner	healthcare	expand
pmhnp	psychiatric mental health nurse practitioner	healthcare	expand
aprn	advanced practice registered nurse	healthcare	expand
crna	certified registered nurse anesthetist	healthcare	expand
srna	student registered nurse anesthetist	healthcare	expand
cnm	certified nurse midwife	healthcare	expand
cns	clinical nurse specialist	healthcare	expand
cnl	clinical nurse leader	healthcare	expand
bsn	bachelor of science in nursing	healthcare	expand
msn	master of science in nursing	healthcare	expand
dnp	doctor of nursing practice	healthcare	expand
cnor	certified perioperative nurse	healthcare	expand
ccrn	critical care registered nurse	healthcare	expand
don	director of nursing	healthcare	ambiguous
adon	assistant director of nursing	healthcare	expand
dns	director of nursing services | domain name system	healthcare	ambiguous
pa-c	physician assistant certified	healthcare	expand
emt	emergency medical technician	healthcare	expand
aemt	advanced emergency medical technician	healthcare	expand
emr	emergency medical responder | electronic medical record	healthcare	ambiguous
ems	emergency medical services	healthcare	expand
ot	occupational therapist | occupational therapy | overtime	healthcare	ambiguous
ota	occupational therapy assistant | over-the-air	healthcare	ambiguous
cota	certified occupational therapy assistant	healthcare	expand
otr/l	registered licensed occupational therapist	healthcare	expand
pt	physical therapist | physical therapy | part-time	healthcare	ambiguous
dpt	doctor of physical therapy	healthcare	expand
pta	physical therapist assistant	healthcare	expand
slp	speech language pathologist	healthcare	expand
slpa	speech language pathology assistant	healthcare	expand
rt	respiratory therapist | radiologic technologist	healthcare	ambiguous
rrt	registered respiratory therapist	healthcare	expand
crt	certified respiratory therapist	healthcare	expand
cst	certified surgical technologist	healthcare	expand
st	surgical technologist | speech therapist	healthcare	ambiguous
do	doctor of osteopathic medicine	healthcare	ambiguous
dds	doctor of dental surgery	healthcare	expand
dmd	doctor of dental medicine	healthcare	expand
rdh	registered dental hygienist	healthcare	expand
rda	registered dental assistant	healthcare	expand
cda	certified dental assistant	healthcare	expand
pharmd	doctor of pharmacy	healthcare	expand
rph	registered pharmacist	healthcare	expand
cpht	certified pharmacy technician	healthcare	expand
pharm	pharmacy | pharmaceutical	healthcare	ambiguous
cma	certified medical assistant | certified management accountant	healthcare	ambiguous
rma	registered medical assistant | return merchandise authorization	healthcare	ambiguous
ma	medical assistant | master of arts	healthcare	ambiguous
hha	home health aide	healthcare	expand
pca	personal care aide | patient care assistant	healthcare	ambiguous
pct	patient care technician	healthcare	expand
stna	state tested nursing assistant	healthcare	expand
gna	geriatric nursing assistant	healthcare	expand
cmt	certified medication technician | certified massage therapist | certified medical transcriptionist	healthcare	ambiguous
dsp	direct support professional | digital signal processing | delivery service partner	healthcare	ambiguous
cpt	certified phlebotomy technician | certified personal trainer | captain	healthcare	ambiguous
mlt	medical laboratory technician	healthcare	expand
mls	medical laboratory scientist | master of library science	healthcare	ambiguous
mt	medical technologist	healthcare	ambiguous
cls	clinical laboratory scientist	healthcare	expand
rvt	registered vascular technologist | registered veterinary technician	healthcare	ambiguous
rdms	registered diagnostic medical sonographer	healthcare	expand
rdcs	registered diagnostic cardiac sonographer	healthcare	expand
ct	computed tomography	healthcare	ambiguous
mri	magnetic resonance imaging	healthcare	expand
icu	intensive care unit	healthcare	expand
picu	pediatric intensive care unit	healthcare	expand
nicu	neonatal intensive care unit	healthcare	expand
ccu	critical care unit | coronary care unit	healthcare	ambiguous
er	emergency room | employee relations	healthcare	ambiguous
or	operating room	healthcare	ambiguous
med-surg	medical surgical	healthcare	expand
medsurg	medical surgical	healthcare	expand
tele	telemetry | telesales | telecommute	healthcare	ambiguous
pacu	post anesthesia care unit	healthcare	expand
ob/gyn	obstetrics and gynecology	healthcare	expand
obgyn	obstetrics and gynecology	healthcare	expand
ob	obstetrics	healthcare	ambiguous
peds	pediatrics	healthcare	expand
psych	psychiatric | psychology | psychiatry	healthcare	ambiguous
onc	oncology	healthcare	expand
cvor	cardiovascular operating room	healthcare	expand
cath	catheterization	healthcare	augment
ltc	long term care | lieutenant colonel	healthcare	ambiguous
snf	skilled nursing facility	healthcare	expand
alf	assisted living facility	healthcare	augment
hh	home health	healthcare	augment
prn	per diem | as needed	healthcare	augment
ent	ear nose and throat | enterprise	healthcare	ambiguous
rcm	revenue cycle management	healthcare	expand
cdi	clinical documentation improvement	healthcare	expand
cpc	certified professional coder | certificate of professional competence	healthcare	ambiguous
ccs	certified coding specialist	healthcare	expand
rhia	registered health information administrator	healthcare	expand
rhit	registered health information technician	healthcare	expand
him	health information management	healthcare	ambiguous
ehr	electronic health record	healthcare	expand
mds	minimum data set | doctors of medicine	healthcare	ambiguous
lmsw	licensed master social worker	healthcare	expand
lcsw	licensed clinical social worker	healthcare	expand
msw	master of social work	healthcare	expand
lpc	licensed professional counselor	healthcare	expand
lmft	licensed marriage and family therapist	healthcare	expand
lmhc	licensed mental health counselor	healthcare	expand
bcba	board certified behavior analyst	healthcare	expand
rbt	registered behavior technician	healthcare	expand
aba	applied behavior analysis | american bar association	healthcare	ambiguous
cadc	certified alcohol and drug counselor	healthcare	expand
dvm	doctor of veterinary medicine	healthcare	expand
cvt	certified veterinary technician | cardiovascular technologist	healthcare	ambiguous
lvt	licensed veterinary technician	healthcare	expand
vet	veterinarian | veterinary | veteran	healthcare	ambiguous
rd	registered dietitian | research and development	healthcare	ambiguous
rdn	registered dietitian nutritionist	healthcare	expand
dtr	dietetic technician registered	healthcare	expand
cdm	certified dietary manager	healthcare	expand
od	doctor of optometry | organizational development	healthcare	ambiguous
dpm	doctor of podiatric medicine	healthcare	expand
dc	doctor of chiropractic | distribution center | district of columbia	healthcare	ambiguous
lmt	licensed massage therapist	healthcare	expand
bls	basic life support	healthcare	augment
acls	advanced cardiac life support	healthcare	expand
pals	pediatric advanced life support	healthcare	ambiguous
atc	certified athletic trainer | air traffic controller	healthcare	ambiguous
crc	clinical research coordinator | certified rehabilitation counselor	healthcare	ambiguous
cra	clinical research associate	healthcare	expand
ekg	electrocardiogram	healthcare	expand
ecg	electrocardiogram	healthcare	expand
eeg	electroencephalography	healthcare	expand
phleb	phlebotomist | phlebotomy	healthcare	augment
sono	sonographer | sonography	healthcare	augment
rad	radiology | radiologic	healthcare	ambiguous
# healthcare: nursing and care roles, with UK, Irish, Canadian and Australian forms
rmn	registered mental health nurse	healthcare	expand
rgn	registered general nurse	healthcare	expand
rpn	registered psychiatric nurse | registered practical nurse	healthcare	ambiguous
cpn	community psychiatric nurse | certified pediatric nurse	healthcare	ambiguous
dn	district nurse | dental nurse	healthcare	ambiguous
anp	advanced nurse practitioner | adult nurse practitioner	healthcare	ambiguous
arnp	advanced registered nurse practitioner	healthcare	expand
apn	advanced practice nurse	healthcare	expand
rnfa	registered nurse first assistant	healthcare	expand
ibclc	international board certified lactation consultant	healthcare	expand
hca	healthcare assistant	healthcare	expand
psw	personal support worker	healthcare	expand
ain	assistant in nursing	healthcare	expand
chw	community health worker	healthcare	expand
gp	general practitioner | general partner	healthcare	ambiguous
sho	senior house officer	healthcare	expand
pcp	primary care physician	healthcare	expand
mph	master of public health	healthcare	expand
ccm	certified case manager | certified construction manager	healthcare	ambiguous
# healthcare: behavioral health and counselling
mh	mental health	healthcare	expand
mha	mental health associate | master of health administration	healthcare	ambiguous
mht	mental health technician	healthcare	expand
lcpc	licensed clinical professional counselor	healthcare	expand
mft	marriage and family therapist	healthcare	expand
psyd	doctor of psychology	healthcare	expand
slt	speech and language therapist | senior leadership team	healthcare	ambiguous
# healthcare: imaging, specialities and units
arrt	american registry of radiologic technologists	healthcare	expand
nmt	nuclear medicine technologist	healthcare	expand
echo	echocardiography	healthcare	ambiguous
ir	interventional radiology | investor relations | industrial relations	healthcare	ambiguous
ortho	orthopedics | orthodontics	healthcare	ambiguous
endo	endoscopy | endodontics	healthcare	ambiguous
neuro	neurology | neurosurgery | neuroscience	healthcare	ambiguous
derm	dermatology	healthcare	expand
gyn	gynecology	healthcare	expand
cvicu	cardiovascular intensive care unit	healthcare	expand
pcu	progressive care unit	healthcare	expand
hosp	hospital | hospitality	healthcare	ambiguous
hlth	health	healthcare	expand
# healthcare: specialty nursing and allied-health credentials (respiratory, imaging, lab, pharmacy, dental), UK registers
rnld	registered nurse learning disabilities	healthcare	expand
rnmh	registered nurse mental health	healthcare	expand
hcsw	healthcare support worker	healthcare	expand
csfa	certified surgical first assistant	healthcare	expand
crnfa	certified registered nurse first assistant	healthcare	expand
cnp	certified nurse practitioner	healthcare	expand
nnp	neonatal nurse practitioner	healthcare	expand
cpnp	certified pediatric nurse practitioner	healthcare	expand
crnp	certified registered nurse practitioner	healthcare	expand
cmsrn	certified medical surgical registered nurse	healthcare	expand
ocn	oncology certified nurse	healthcare	expand
cpen	certified pediatric emergency nurse	healthcare	expand
cfrn	certified flight registered nurse	healthcare	expand
cwocn	certified wound ostomy continence nurse	healthcare	expand
pccn	progressive care certified nurse	healthcare	expand
rnc	registered nurse certified	healthcare	expand
cde	certified diabetes educator	healthcare	expand
ohn	occupational health nurse	healthcare	expand
nmp	non-medical prescriber	healthcare	augment
spr	specialist registrar	healthcare	augment
ahp	allied health professional	healthcare	expand
odp	operating department practitioner	healthcare	augment
nhs	national health service	healthcare	expand
hcpc	health and care professions council	healthcare	expand
lna	licensed nursing assistant	healthcare	expand
qma	qualified medication aide	healthcare	expand
chha	certified home health aide	healthcare	expand
cca	continuing care assistant | city carrier assistant	healthcare	ambiguous
bht	behavioral health technician	healthcare	expand
lpt	licensed psychiatric technician	healthcare	augment
lpcc	licensed professional clinical counselor	healthcare	expand
licsw	licensed independent clinical social worker	healthcare	expand
lsw	licensed social worker	healthcare	expand
bsw	bachelor of social work	healthcare	expand
ladc	licensed alcohol and drug counselor	healthcare	expand
bcaba	board certified assistant behavior analyst	healthcare	expand
qmhp	qualified mental health professional	healthcare	expand
bh	behavioral health	healthcare	augment
ccc-slp	certificate of clinical competence in speech language pathology	healthcare	expand
otd	doctor of occupational therapy	healthcare	expand
cht	certified hand therapist	healthcare	expand
rcp	respiratory care practitioner	healthcare	expand
rrt-nps	registered respiratory therapist neonatal pediatric specialist	healthcare	expand
rpft	registered pulmonary function technologist	healthcare	expand
cpft	certified pulmonary function technologist	healthcare	expand
cnmt	certified nuclear medicine technologist	healthcare	expand
rcis	registered cardiovascular invasive specialist	healthcare	expand
rpsgt	registered polysomnographic technologist	healthcare	expand
dms	diagnostic medical sonographer | document management system	healthcare	ambiguous
ascp	american society for clinical pathology	healthcare	expand
bms	biomedical scientist | building management system	healthcare	ambiguous
htl	histotechnologist	healthcare	expand
ccht	certified clinical hemodialysis technician	healthcare	expand
rpht	registered pharmacy technician	healthcare	expand
ptcb	pharmacy technician certification board	healthcare	expand
bcps	board certified pharmacotherapy specialist	healthcare	expand
bcop	board certified oncology pharmacist	healthcare	expand
mpharm	master of pharmacy	healthcare	expand
efda	expanded function dental assistant	healthcare	expand
cdt	certified dental technician	healthcare	augment
bds	bachelor of dental surgery	healthcare	expand
coa	certified ophthalmic assistant	healthcare	augment
ophth	ophthalmic | ophthalmology	healthcare	augment
mbbs	bachelor of medicine bachelor of surgery	healthcare	expand
mrcp	member of the royal colleges of physicians	healthcare	expand
mrcgp	member of the royal college of general practitioners	healthcare	expand
adn	associate degree in nursing	healthcare	augment
micu	medical intensive care unit	healthcare	expand
sicu	surgical intensive care unit	healthcare	expand
dme	durable medical equipment	healthcare	expand
crcst	certified registered central service technician	healthcare	expand
emt-p	emergency medical technician paramedic	healthcare	expand
ccp	critical care paramedic | certified compensation professional	healthcare	ambiguous
cpc-a	certified professional coder apprentice	healthcare	expand
uro	urology	healthcare	augment
cardio	cardiology | cardiovascular	healthcare	augment
cphq	certified professional in healthcare quality	healthcare	expand
cpb	certified professional biller	healthcare	augment
bmet	biomedical equipment technician	healthcare	expand
rnc-ob	registered nurse certified in inpatient obstetric nursing	healthcare	expand
rnc-nic	registered nurse certified in neonatal intensive care nursing	healthcare	expand
rn-bc	registered nurse board certified	healthcare	expand
fnp-c	family nurse practitioner certified	healthcare	expand
fnp-bc	family nurse practitioner board certified	healthcare	expand
pmhnp-bc	psychiatric mental health nurse practitioner board certified	healthcare	expand
ne-bc	nurse executive board certified	healthcare	expand
nea-bc	nurse executive advanced board certified	healthcare	expand
bcacp	board certified ambulatory care pharmacist	healthcare	expand
r.n	registered nurse	healthcare	expand
# it and software
it	information technology	it	expand
is	information systems	it	ambiguous
ict	information and communications technology	it	expand
mis	management information systems	it	ambiguous
swe	software engineer	it	expand
sde	software development engineer	it	expand
sre	site reliability engineer	it	expand
se	software engineer | sales engineer | systems engineer	it	ambiguous
sse	senior software engineer	it	augment
sdet	software development engineer in test	it	expand
dev	developer | development	it	augment
dba	database administrator	it	expand
db	database	it	expand
qa	quality assurance	it	expand
qe	quality engineer | quality engineering	it	expand
sqa	software quality assurance	it	expand
uat	user acceptance testing	it	expand
ux	user experience	it	expand
ui	user interface	it	expand
uxr	user experience researcher	it	expand
ixd	interaction design	it	expand
ia	information architecture | information architect	it	ambiguous
ba	business analyst | bachelor of arts	it	ambiguous
bsa	business systems analyst | bank secrecy act	it	ambiguous
ml	machine learning	it	expand
mle	machine learning engineer	it	expand
ai	artificial intelligence	it	expand
nlp	natural language processing	it	expand
cv	computer vision | curriculum vitae	it	ambiguous
dl	deep learning | driver's license	it	ambiguous
ds	data scientist | data science	it	ambiguous
de	data engineer | data engineering	it	ambiguous
bi	business intelligence	it	expand
etl	extract transform load	it	expand
dw	data warehouse	it	expand
dwh	data warehouse	it	expand
mdm	master data management | mobile device management	it	ambiguous
devops	development and operations	it	augment
devsecops	development security and operations	it	augment
mlops	machine learning operations	it	augment
secops	security operations	it	expand
sysops	systems operations	it	expand
netops	network operations	it	expand
sys	systems	it	expand
sysadmin	system administrator	it	expand
netadmin	network administrator	it	expand
net	network	it	ambiguous
ntwk	network	it	expand
noc	network operations center	it	ambiguous
soc	security operations center	it	expand
infosec	information security	it	expand
cybersec	cybersecurity	it	expand
appsec	application security	it	expand
netsec	network security	it	expand
iam	identity and access management	it	expand
pki	public key infrastructure	it	expand
grc	governance risk and compliance	it	expand
cissp	certified information systems security professional	it	expand
ccna	cisco certified network associate	it	expand
ccnp	cisco certified network professional	it	expand
ccie	cisco certified internetwork expert	it	expand
lan	local area network	it	expand
wan	wide area network	it	expand
voip	voice over internet protocol	it	expand
app	application	it	augment
apps	applications	it	augment
sw	software | social worker	it	ambiguous
hw	hardware	it	expand
fw	firmware	it	expand
fe	front end | field engineer	it	ambiguous
be	back end	it	ambiguous
fs	full stack | financial services	it	ambiguous
fullstack	full stack	it	expand
frontend	front end	it	expand
backend	back end	it	expand
ios	apple ios	it	augment
js	javascript	it	expand
ts	typescript | top secret	it	ambiguous
k8s	kubernetes	it	expand
aws	amazon web services	it	expand
gcp	google cloud platform | good clinical practice	it	ambiguous
saas	software as a service	it	expand
api	application programming interface	it	expand
erp	enterprise resource planning	it	expand
crm	customer relationship management	it	expand
cms	content management system	it	ambiguous
edi	electronic data interchange | equality diversity and inclusion	it	ambiguous
iot	internet of things	it	expand
vr	virtual reality | vocational rehabilitation	it	ambiguous
xr	extended reality	it	expand
tsr	technical support representative | telephone sales representative	it	ambiguous
helpdesk	help desk	it	expand
hd	help desk | head	it	ambiguous
itsm	information technology service management	it	expand
ci/cd	continuous integration and continuous delivery	it	expand
ci	continuous improvement | continuous integration	it	ambiguous
msp	managed service provider	it	augment
ms	microsoft | master of science	it	ambiguous
pentester	penetration tester	it	expand
l1	level 1	it	augment
l2	level 2	it	augment
l3	level 3	it	augment
oss	open source software	it	augment
# it: roles, certifications and platforms
sa	solutions architect | systems administrator | sales associate	it	ambiguous
sdm	software development manager | service delivery manager	it	ambiguous
tse	technical support engineer	it	expand
fae	field application engineer	it	expand
fse	field service engineer	it	expand
qae	quality assurance engineer	it	expand
ui/ux	user interface and user experience	it	expand
ux/ui	user experience and user interface	it	expand
genai	generative artificial intelligence	it	expand
ai/ml	artificial intelligence and machine learning	it	expand
dfir	digital forensics and incident response	it	expand
siem	security information and event management	it	expand
cism	certified information security manager	it	expand
ceh	certified ethical hacker	it	expand
oscp	offensive security certified professional	it	expand
itil	information technology infrastructure library	it	expand
sfdc	salesforce	it	expand
o365	office 365	it	expand
pc	personal computer | police constable	it	ambiguous
telecom	telecommunications	it	augment
# it: technical-staff levels, security roles, cloud and security certifications
fsr	field service representative | financial services representative	it	ambiguous
bie	business intelligence engineer	it	augment
mts	member of technical staff	it	augment
smts	senior member of technical staff	it	expand
pmts	principal member of technical staff	it	expand
sde1	software development engineer i	it	expand
sde2	software development engineer ii	it	expand
sde3	software development engineer iii	it	expand
hpc	high performance computing	it	expand
iac	infrastructure as code	it	expand
mssp	managed security service provider	it	expand
isso	information system security officer	it	augment
issm	information system security manager	it	expand
csirt	computer security incident response team	it	expand
dlp	data loss prevention	it	expand
edr	endpoint detection and response	it	expand
crisc	certified in risk and information systems control	it	expand
ccsp	certified cloud security professional	it	expand
gcih	giac certified incident handler	it	expand
mcse	microsoft certified solutions expert	it	expand
rhce	red hat certified engineer	it	expand
rhcsa	red hat certified system administrator	it	expand
cka	certified kubernetes administrator	it	expand
ckad	certified kubernetes application developer	it	expand
devrel	developer relations	it	expand
# finance
cpa	certified public accountant	finance	expand
cfa	chartered financial analyst	finance	expand
cia	certified internal auditor	finance	ambiguous
cisa	certified information systems auditor	finance	expand
cfe	certified fraud examiner	finance	expand
cfp	certified financial planner	finance	expand
chfc	chartered financial consultant	finance	expand
clu	chartered life underwriter	finance	expand
acca	chartered certified accountant	finance	expand
ca	chartered accountant	finance	ambiguous
aca	associate chartered accountant	finance	ambiguous
cima	chartered management accountant	finance	ambiguous
frm	financial risk manager	finance	expand
caia	chartered alternative investment analyst	finance	augment
cpcu	chartered property casualty underwriter	finance	expand
ap	accounts payable | advanced placement	finance	ambiguous
a/p	accounts payable	finance	expand
ar	accounts receivable | augmented reality	finance	ambiguous
a/r	accounts receivable	finance	expand
fp&a	financial planning and analysis	finance	expand
fpa	financial planning and analysis	finance	augment
gl	general ledger	finance	expand
acct	accountant | accounting | account	finance	ambiguous
acctg	accounting	finance	expand
accts	accounts	finance	expand
acc	account | accountant | accounting	finance	ambiguous
fin	finance | financial	finance	ambiguous
aml	anti money laundering	finance	expand
kyc	know your customer	finance	expand
ib	investment banking | international baccalaureate	finance	ambiguous
ibd	investment banking division	finance	expand
pe	private equity | professional engineer | physical education	finance	ambiguous
vc	venture capital | vice chancellor	finance	ambiguous
pwm	private wealth management	finance	expand
wm	wealth management	finance	augment
fa	financial advisor | financial analyst	finance	ambiguous
fc	financial controller | fulfillment center	finance	ambiguous
sox	sarbanes oxley	finance	augment
ifrs	international financial reporting standards	finance	expand
gaap	generally accepted accounting principles	finance	expand
bkkpr	bookkeeper	finance	expand
bkpr	bookkeeper	finance	expand
pyrl	payroll	finance	expand
treas	treasury | treasurer	finance	augment
fx	foreign exchange | visual effects	finance	ambiguous
m&a	mergers and acquisitions	finance	expand
ecm	equity capital markets | enterprise content management	finance	ambiguous
dcm	debt capital markets	finance	expand
ficc	fixed income currencies and commodities	finance	expand
cre	commercial real estate	finance	expand
reit	real estate investment trust	finance	expand
mlo	mortgage loan originator	finance	expand
lo	loan officer	finance	ambiguous
uw	underwriter | underwriting	finance	augment
u/w	underwriter	finance	expand
ria	registered investment adviser	finance	augment
iar	investment adviser representative	finance	expand
# finance: UK and Canadian accounting bodies, processes, insurance and compliance
cga	certified general accountant	finance	expand
cgma	chartered global management accountant	finance	expand
fca	fellow chartered accountant | financial conduct authority	finance	ambiguous
fcca	fellow chartered certified accountant	finance	expand
aat	accounting technician	finance	expand
ifa	independent financial adviser	finance	expand
mlro	money laundering reporting officer	finance	expand
vat	value added tax	finance	ambiguous
s&t	sales and trading	finance	expand
p&l	profit and loss	finance	expand
p&c	property and casualty	finance	expand
r2r	record to report	finance	expand
p2p	procure to pay	finance	expand
o2c	order to cash	finance	expand
ctrlr	controller	finance	expand
fd	finance director | front desk | fire department	finance	ambiguous
# finance: insurance and actuarial credentials, more accounting bodies and wealth credentials
ctp	certified treasury professional	finance	augment
crcm	certified regulatory compliance manager	finance	expand
cams	certified anti money laundering specialist	finance	ambiguous
cpwa	certified private wealth advisor	finance	expand
crpc	chartered retirement planning counselor	finance	expand
acctnt	accountant	finance	expand
acma	associate chartered management accountant	finance	expand
fcma	fellow chartered management accountant	finance	expand
icaew	institute of chartered accountants in england and wales	finance	expand
aic	associate in claims	finance	expand
cisr	certified insurance service representative	finance	expand
flmi	fellow life management institute	finance	expand
cii	chartered insurance institute	finance	augment
acii	associate of the chartered insurance institute	finance	expand
l&h	life and health	finance	expand
acas	associate of the casualty actuarial society	finance	expand
fcas	fellow of the casualty actuarial society	finance	expand
fsa	fellow of the society of actuaries | flexible spending account	finance	ambiguous
asa	associate of the society of actuaries | administrative support assistant	finance	ambiguous
maaa	member of the american academy of actuaries	finance	expand
fia	fellow of the institute and faculty of actuaries	finance	augment
fcia	fellow of the canadian institute of actuaries	finance	expand
f&i	finance and insurance	finance	expand
c.p.a	certified public accountant	finance	expand
# trades
hvac	heating ventilation and air conditioning	trades	expand
hvacr	heating ventilation air conditioning and refrigeration	trades	expand
hvac/r	heating ventilation air conditioning and refrigeration	trades	expand
cdl	commercial driver license	trades	expand
cdl-a	commercial driver license class a	trades	expand
ac	air conditioning | alternating current	trades	ambiguous
a/c	air conditioning	trades	expand
elec	electrical | electrician	trades	ambiguous
elect	electrical | electrician | election	trades	ambiguous
mech	mechanic | mechanical	trades	ambiguous
maint	maintenance	trades	expand
ndt	non destructive testing	trades	expand
mig	metal inert gas	trades	augment
tig	tungsten inert gas	trades	expand
smaw	shielded metal arc welding	trades	expand
gmaw	gas metal arc welding	trades	expand
fcaw	flux cored arc welding	trades	expand
gtaw	gas tungsten arc welding	trades	expand
cwi	certified welding inspector	trades	expand
ase	automotive service excellence	trades	expand
a&p	airframe and powerplant	trades	expand
amt	aviation maintenance technician	trades	ambiguous
ame	aircraft maintenance engineer | aviation medical examiner	trades	ambiguous
o&m	operations and maintenance	trades	expand
i&c	instrumentation and controls	trades	expand
i&e	instrumentation and electrical	trades	expand
e&i	electrical and instrumentation	trades	expand
mep	mechanical electrical and plumbing	trades	expand
fab	fabrication | fabricator	trades	augment
appr	apprentice | appraiser	trades	ambiguous
jman	journeyman	trades	augment
bldg	building	trades	expand
const	construction	trades	augment
constr	construction	trades	expand
carp	carpenter | carpentry	trades	ambiguous
plbg	plumbing	trades	expand
mro	maintenance repair and operations	trades	expand
osha	occupational safety and health administration	trades	expand
auto	automotive	trades	ambiguous
hvy	heavy	trades	expand
equip	equipment	trades	augment
eqpt	equipment	trades	expand
opr	operator	trades	expand
cnc	computer numerical control	trades	expand
lv	low voltage	trades	augment
hv	high voltage	trades	augment
mv	medium voltage	trades	augment
ev	electric vehicle	trades	ambiguous
pv	photovoltaic | pharmacovigilance	trades	ambiguous
fm	facilities manager | facilities management	trades	ambiguous
hod	hod carrier | head of department	trades	ambiguous
# trades: shortenings, UK site tickets and safety qualifications
jrnymn	journeyman	trades	expand
plmbr	plumber	trades	expand
frmn	foreman	trades	expand
mtce	maintenance	trades	expand
refrig	refrigeration	trades	expand
hvac-r	heating ventilation air conditioning and refrigeration	trades	expand
f-gas	fluorinated gas	trades	expand
mewp	mobile elevating work platform	trades	expand
cscs	construction skills certification scheme | certified strength and conditioning specialist	trades	ambiguous
sssts	site supervisor safety training scheme	trades	expand
smsts	site management safety training scheme	trades	expand
nebosh	national examination board in occupational safety and health	trades	expand
iosh	institution of occupational safety and health	trades	expand
qhse	quality health safety and environment	trades	expand
h&s	health and safety	trades	expand
# trades: safety credentials, UK plant and access cards, site and telecom terms
cdl-b	commercial driver license class b	trades	expand
heo	heavy equipment operator | higher executive officer	trades	ambiguous
fmn	foreman	trades	expand
pntr	painter	trades	expand
lame	licensed aircraft maintenance engineer	trades	ambiguous
nicet	national institute for certification in engineering technologies	trades	expand
ssho	site safety and health officer	trades	expand
asp	associate safety professional | active server pages	trades	ambiguous
cmiosh	chartered member of the institution of occupational safety and health	trades	expand
hseq	health safety environment and quality	trades	expand
cpcs	construction plant competence scheme	trades	expand
npors	national plant operators registration scheme	trades	expand
ipaf	international powered access federation	trades	expand
cctv	closed circuit television	trades	augment
osp	outside plant	trades	augment
precon	preconstruction	trades	expand
# logistics
3pl	third party logistics	logistics	expand
4pl	fourth party logistics	logistics	expand
scm	supply chain management	logistics	expand
sc	supply chain	logistics	ambiguous
wms	warehouse management system	logistics	expand
tms	transportation management system | transcranial magnetic stimulation	logistics	ambiguous
otr	over the road | registered occupational therapist	logistics	ambiguous
o/o	owner operator	logistics	expand
ltl	less than truckload	logistics	expand
ftl	full truckload	logistics	expand
lcl	less than container load	logistics	expand
fcl	full container load	logistics	expand
nvocc	non vessel operating common carrier	logistics	expand
dot	department of transportation	logistics	ambiguous
hazmat	hazardous materials	logistics	expand
whse	warehouse	logistics	expand
wrhs	warehouse	logistics	expand
wh	warehouse	logistics	augment
inv	inventory | investment	logistics	ambiguous
shpg	shipping	logistics	expand
rcvg	receiving	logistics	expand
recv	receiving	logistics	augment
s&r	shipping and receiving	logistics	expand
mhe	material handling equipment	logistics	expand
pit	powered industrial truck	logistics	ambiguous
fl	forklift	logistics	ambiguous
s&op	sales and operations planning	logistics	expand
mrp	material requirements planning	logistics	expand
cpim	certified in production and inventory management	logistics	expand
cscp	certified supply chain professional	logistics	expand
cpsm	certified professional in supply management	logistics	expand
fifo	first in first out	logistics	expand
reefer	refrigerated trailer	logistics	augment
purch	purchasing	logistics	expand
proc	procurement | process	logistics	ambiguous
matl	material	logistics	expand
matls	materials	logistics	expand
mat	materials	logistics	ambiguous
log	logistics	logistics	ambiguous
# logistics: UK driving licences, aviation, procurement
hgv	heavy goods vehicle	logistics	expand
lgv	large goods vehicle	logistics	expand
pcv	passenger carrying vehicle | polyvinyl chloride	logistics	ambiguous
flt	forklift truck | flight	logistics	ambiguous
dgsa	dangerous goods safety adviser	logistics	expand
dsptchr	dispatcher	logistics	expand
frt	freight	logistics	expand
cfi	certified flight instructor	logistics	expand
atp	airline transport pilot	logistics	expand
atco	air traffic control officer	logistics	expand
cltd	certified in logistics transportation and distribution	logistics	expand
cips	chartered institute of procurement and supply	logistics	expand
mcips	member of the chartered institute of procurement and supply	logistics	expand
# logistics: licences, credentials and warehouse terms
atpl	airline transport pilot licence	logistics	expand
pkg	packaging | package	logistics	augment
rfid	radio frequency identification	logistics	augment
chb	customs house broker	logistics	expand
srm	supplier relationship management | senior relationship manager	logistics	ambiguous
twic	transportation worker identification credential	logistics	expand
transp	transportation	logistics	expand
vna	very narrow aisle | visiting nurse association	logistics	ambiguous
# sales
bdr	business development representative	sales	expand
sdr	sales development representative	sales	expand
ae	account executive	sales	expand
am	account manager | assistant manager	sales	ambiguous
kam	key account manager	sales	expand
nam	national account manager	sales	ambiguous
tam	technical account manager	sales	ambiguous
csm	customer success manager | customer service manager | certified scrum master	sales	ambiguous
cs	customer success | customer service | computer science	sales	ambiguous
csr	customer service representative | corporate social responsibility	sales	ambiguous
cse	customer success engineer | customer support engineer	sales	ambiguous
csa	customer service associate | customer service agent	sales	ambiguous
cx	customer experience	sales	expand
rsm	regional sales manager	sales	expand
asm	area sales manager | assistant store manager	sales	ambiguous
dsm	district sales manager	sales	augment
bdm	business development manager	sales	expand
bde	business development executive	sales	expand
bd	business development	sales	ambiguous
bizdev	business development	sales	expand
isr	inside sales representative	sales	expand
osr	outside sales representative	sales	expand
rsr	route sales representative	sales	expand
b2b	business to business	sales	expand
b2c	business to consumer	sales	expand
smb	small and medium business	sales	expand
mm	mid-market	sales	augment
var	value added reseller	sales	augment
gtm	go to market	sales	expand
abm	account based marketing	sales	expand
pmm	product marketing manager	sales	expand
revops	revenue operations	sales	expand
salesops	sales operations	sales	expand
bizops	business operations	sales	expand
mops	marketing operations	sales	ambiguous
sls	sales	sales	augment
dm	district manager	sales	ambiguous
rm	regional manager | relationship manager | rooms manager	sales	ambiguous
pos	point of sale	sales	augment
# sales: roles, retail and consumer goods
nsm	national sales manager	sales	expand
rsd	regional sales director	sales	expand
tsm	territory sales manager | technical support manager	sales	ambiguous
mdr	market development representative | medical device regulation	sales	ambiguous
dmm	divisional merchandise manager	sales	expand
vm	visual merchandiser | virtual machine	sales	ambiguous
merch	merchandiser | merchandising	sales	augment
ecom	ecommerce	sales	expand
d2c	direct to consumer	sales	expand
cpg	consumer packaged goods	sales	expand
fmcg	fast moving consumer goods	sales	expand
# sales: account roles and dealership terms
gam	global account manager	sales	augment
kae	key account executive	sales	expand
sae	senior account executive | strategic account executive	sales	ambiguous
gsm	general sales manager | global system for mobile communications	sales	ambiguous
bdc	business development center	sales	expand
ecomm	ecommerce	sales	expand
dtc	direct to consumer	sales	expand
# hr
hr	human resources	hr	expand
hrbp	human resources business partner	hr	expand
hris	human resources information system	hr	expand
hrms	human resources management system	hr	expand
hrg	human resources generalist	hr	expand
hrm	human resources manager | human resource management	hr	ambiguous
hrd	human resources director | human resource development	hr	ambiguous
hrs	human resources | hours	hr	ambiguous
hcm	human capital management	hr	expand
l&d	learning and development | labor and delivery	hr	ambiguous
t&d	training and development	hr	expand
ta	talent acquisition | teaching assistant	hr	ambiguous
tas	talent acquisition specialist	hr	augment
phr	professional in human resources	hr	expand
sphr	senior professional in human resources	hr	expand
shrm-cp	shrm certified professional	hr	expand
shrm-scp	shrm senior certified professional	hr	expand
cpp	certified payroll professional	hr	augment
fpc	fundamental payroll certification	hr	expand
comp	compensation	hr	ambiguous
c&b	compensation and benefits	hr	expand
ben	benefits	hr	ambiguous
eeo	equal employment opportunity	hr	expand
dei	diversity equity and inclusion	hr	augment
deib	diversity equity inclusion and belonging	hr	expand
d&i	diversity and inclusion	hr	expand
ohs	occupational health and safety	hr	expand
pers	personnel	hr	augment
recr	recruiter | recruitment	hr	ambiguous
rctr	recruiter	hr	expand
rpo	recruitment process outsourcing	hr	expand
peo	professional employer organization	hr	augment
ats	applicant tracking system	hr	expand
wfm	workforce management	hr	expand
wfp	workforce planning	hr	expand
lms	learning management system	hr	expand
empl	employee | employment	hr	ambiguous
peopleops	people operations	hr	expand
# hr: roles, certifications (US, UK, Canada) and workforce terms
hra	human resources assistant | human resources administrator	hr	ambiguous
hrc	human resources coordinator	hr	expand
gphr	global professional in human resources	hr	expand
aphr	associate professional in human resources	hr	expand
shrm	society for human resource management	hr	expand
cipd	chartered institute of personnel and development	hr	expand
mcipd	member of the chartered institute of personnel and development	hr	expand
chrp	certified human resources professional	hr	expand
whs	work health and safety	hr	expand
eap	employee assistance program	hr	expand
ed&i	equality diversity and inclusion	hr	expand
fte	full-time equivalent	hr	augment
# hr: more roles and credentials (US, Canada)
hro	human resources officer	hr	expand
rcrtr	recruiter	hr	expand
cebs	certified employee benefit specialist	hr	expand
chrl	certified human resources leader	hr	augment
cphr	chartered professional in human resources	hr	expand
# legal
atty	attorney	legal	expand
attny	attorney	legal	expand
esq	esquire	legal	expand
jd	juris doctor	legal	expand
llm	master of laws | large language model	legal	ambiguous
llb	bachelor of laws	legal	expand
gc	general counsel | general contractor	legal	ambiguous
agc	assistant general counsel | associate general counsel	legal	ambiguous
dgc	deputy general counsel	legal	expand
cnsl	counsel	legal	expand
csl	counsel	legal	augment
ip	intellectual property | internet protocol	legal	ambiguous
lit	litigation	legal	ambiguous
litig	litigation	legal	expand
para	paralegal	legal	ambiguous
lgl	legal	legal	expand
leg	legal | legislative	legal	ambiguous
legis	legislative	legal	augment
da	district attorney | data analyst	legal	ambiguous
ada	assistant district attorney | americans with disabilities act	legal	ambiguous
ausa	assistant united states attorney	legal	expand
aag	assistant attorney general	legal	expand
ag	attorney general | agriculture	legal	ambiguous
pd	public defender | police department | product development	legal	ambiguous
apd	assistant public defender | police department	legal	ambiguous
jag	judge advocate general	legal	expand
kc	king's counsel	legal	ambiguous
qc	quality control | queen's counsel	legal	ambiguous
acp	advanced clinical practitioner | advanced certified paralegal	legal	ambiguous
cp	certified paralegal	legal	ambiguous
rp	registered paralegal	legal	ambiguous
pls	professional legal secretary	legal	ambiguous
alj	administrative law judge	legal	expand
ediscovery	electronic discovery	legal	expand
e-discovery	electronic discovery	legal	expand
tm	trademark	legal	ambiguous
pi	personal injury | principal investigator	legal	ambiguous
cle	continuing legal education	legal	augment
lpo	legal process outsourcing	legal	augment
# legal: UK qualification terms, privacy, court reporting and prosecutors
nq	newly qualified	legal	expand
pqe	post qualification experience	legal	expand
cilex	chartered institute of legal executives	legal	expand
cipp	certified information privacy professional	legal	expand
dpo	data protection officer | deputy probation officer	legal	ambiguous
gdpr	general data protection regulation	legal	expand
clm	contract lifecycle management	legal	expand
rpr	registered professional reporter	legal	expand
ccr	certified court reporter | customer care representative	legal	ambiguous
adr	alternative dispute resolution | dangerous goods by road | automated dialogue replacement	legal	ambiguous
dda	deputy district attorney	legal	expand
# legal: privacy and compliance credentials, dotted law degrees
fcilex	fellow of the chartered institute of legal executives	legal	expand
cipm	certified information privacy manager	legal	expand
ccep	certified compliance and ethics professional	legal	expand
chc	community health center | certified in healthcare compliance	legal	ambiguous
dag	deputy attorney general	legal	ambiguous
j.d	juris doctor	legal	expand
ll.b	bachelor of laws	legal	expand
ll.m	master of laws	legal	expand
# executive
ceo	chief executive officer	executive	expand
coo	chief operating officer	executive	expand
cfo	chief financial officer	executive	expand
cio	chief information officer	executive	expand
cto	chief technology officer	executive	expand
ciso	chief information security officer	executive	expand
chro	chief human resources officer	executive	expand
cmo	chief marketing officer | chief medical officer	executive	ambiguous
cdo	chief data officer | chief digital officer | chief diversity officer	executive	ambiguous
cso	chief security officer | chief strategy officer | chief sales officer | community service officer	executive	ambiguous
cpo	chief product officer | chief procurement officer | chief people officer | certified prosthetist orthotist	executive	ambiguous
cco	chief commercial officer | chief compliance officer | chief communications officer	executive	ambiguous
cro	chief revenue officer | chief risk officer | contract research organization | conversion rate optimization	executive	ambiguous
cao	chief administrative officer | chief accounting officer	executive	ambiguous
clo	chief legal officer | chief learning officer	executive	ambiguous
cxo	chief experience officer | c-level executive	executive	ambiguous
cno	chief nursing officer	executive	expand
cmio	chief medical information officer	executive	expand
cbo	chief business officer	executive	expand
cdao	chief data and analytics officer	executive	expand
caio	chief artificial intelligence officer	executive	augment
cgo	chief growth officer	executive	augment
md	managing director | doctor of medicine	executive	ambiguous
gm	general manager	executive	expand
agm	assistant general manager	executive	expand
dgm	deputy general manager	executive	expand
vp	vice president	executive	expand
svp	senior vice president	executive	expand
evp	executive vice president	executive	expand
avp	assistant vice president	executive	expand
sevp	senior executive vice president	executive	expand
rvp	regional vice president	executive	expand
gvp	group vice president	executive	expand
vpe	vice president of engineering	executive	expand
pres	president	executive	augment
chmn	chairman	executive	expand
bod	board of directors	executive	augment
dg	director general	executive	augment
dos	director of sales | director of operations	executive	ambiguous
doe	director of engineering | department of energy	executive	ambiguous
# executive: more chief and vice-president forms, boards
cino	chief innovation officer	executive	expand
csco	chief supply chain officer	executive	expand
cos	chief of staff	executive	expand
fvp	first vice president	executive	expand
v.p	vice president	executive	expand
c.e.o	chief executive officer	executive	expand
ned	non-executive director	executive	ambiguous
exco	executive committee	executive	expand
smt	senior management team | surface mount technology	executive	ambiguous
sbu	strategic business unit	executive	expand
# executive: more chief titles and UK board roles
chco	chief human capital officer	executive	expand
cqo	chief quality officer	executive	expand
cnio	chief nursing information officer	executive	expand
ined	independent non-executive director	executive	expand
cosec	company secretary	executive	augment
# management
pm	project manager | product manager | program manager | preventive maintenance	management	ambiguous
tpm	technical program manager | technical product manager | total productive maintenance	management	ambiguous
po	product owner | purchase order | probation officer	management	ambiguous
apm	associate product manager | assistant project manager	management	ambiguous
spm	senior project manager | senior product manager	management	ambiguous
gpm	group product manager	management	expand
pgm	program	management	expand
pmo	project management office	management	expand
pmp	project management professional	management	expand
capm	certified associate in project management	management	expand
psm	professional scrum master | process safety management	management	ambiguous
ppm	project portfolio management	management	augment
epm	enterprise project management | enterprise performance management	management	ambiguous
sm	store manager | scrum master | social media	management	ambiguous
em	engineering manager	management	ambiguous
cm	construction manager | case manager | community manager | category manager	management	ambiguous
mba	master of business administration	management	expand
emba	executive master of business administration	management	expand
# management: agile, lean and six sigma credentials
cspo	certified scrum product owner	management	expand
rte	release train engineer | route	management	ambiguous
spc	statistical process control | safe program consultant	management	ambiguous
lssgb	lean six sigma green belt	management	expand
lssbb	lean six sigma black belt	management	expand
ssgb	six sigma green belt	management	expand
ssbb	six sigma black belt	management	expand
opex	operational excellence	management	expand
cbap	certified business analysis professional	management	expand
# management: programme, portfolio and agile credentials
mbb	master black belt	management	augment
pgmp	program management professional	management	expand
pfmp	portfolio management professional	management	expand
pmi-acp	pmi agile certified practitioner	management	expand
prince2	projects in controlled environments	management	augment
# engineering
eng	engineer | engineering	engineering	augment
engr	engineer | engineering	engineering	augment
eit	engineer in training	engineering	expand
me	mechanical engineer | mechanical engineering	engineering	ambiguous
ee	electrical engineer | electrical engineering | employee	engineering	ambiguous
ce	civil engineer | civil engineering	engineering	ambiguous
che	chemical engineer | chemical engineering	engineering	ambiguous
ie	industrial engineer | industrial engineering	engineering	ambiguous
mfg	manufacturing	engineering	expand
nvh	noise vibration and harshness	engineering	expand
cae	computer aided engineering	engineering	ambiguous
fea	finite element analysis	engineering	ambiguous
cfd	computational fluid dynamics	engineering	expand
gd&t	geometric dimensioning and tolerancing	engineering	expand
bim	building information modeling	engineering	expand
cad	computer aided design	engineering	expand
cadd	computer aided design and drafting	engineering	expand
cam	computer aided manufacturing	engineering	ambiguous
plc	programmable logic controller	engineering	ambiguous
scada	supervisory control and data acquisition	engineering	expand
rf	radio frequency	engineering	expand
pcb	printed circuit board	engineering	expand
fpga	field programmable gate array	engineering	expand
asic	application specific integrated circuit	engineering	expand
rpa	robotic process automation | remotely piloted aircraft	engineering	ambiguous
uav	unmanned aerial vehicle	engineering	expand
uas	unmanned aircraft system	engineering	expand
sqe	supplier quality engineer | software quality engineer | solicitors qualifying examination	engineering	ambiguous
npi	new product introduction	engineering	expand
npd	new product development	engineering	expand
dfm	design for manufacturing	engineering	expand
cqe	certified quality engineer	engineering	expand
struct	structural	engineering	expand
civ	civil	engineering	augment
arch	architect | architecture	engineering	ambiguous
ic	individual contributor | integrated circuit	engineering	ambiguous
# engineering: licences outside the US, surveying, quality and controls
p.eng	professional engineer	engineering	expand
peng	professional engineer	engineering	expand
ceng	chartered engineer	engineering	expand
cpeng	chartered professional engineer	engineering	expand
riba	royal institute of british architects	engineering	expand
rics	royal institution of chartered surveyors	engineering	expand
qs	quantity surveyor	engineering	expand
leed	leadership in energy and environmental design	engineering	ambiguous
dsgnr	designer	engineering	expand
geotech	geotechnical	engineering	expand
fmea	failure mode and effects analysis	engineering	expand
ppap	production part approval process	engineering	expand
hmi	human machine interface	engineering	expand
p&id	piping and instrumentation diagram	engineering	expand
oem	original equipment manufacturer	engineering	expand
# engineering: registrations, surveying and control systems
ieng	incorporated engineer	engineering	expand
aia	american institute of architects	engineering	augment
rpls	registered professional land surveyor	engineering	expand
dcs	distributed control system | detective chief superintendent	engineering	ambiguous
mrics	member of the royal institution of chartered surveyors	engineering	expand
# science
r&d	research and development	science	expand
chem	chemistry | chemist | chemical	science	ambiguous
bio	biology | biological	science	ambiguous
biotech	biotechnology	science	expand
micro	microbiology | microbiologist	science	ambiguous
glp	good laboratory practice	science	expand
gmp	good manufacturing practice	science	expand
cmc	chemistry manufacturing and controls	science	expand
ra	regulatory affairs | research assistant | resident assistant	science	ambiguous
msl	medical science liaison	science	expand
heor	health economics and outcomes research	science	expand
dmpk	drug metabolism and pharmacokinetics	science	expand
pk	pharmacokinetics	science	augment
lab	laboratory	science	augment
labs	laboratories	science	augment
env	environmental	science	augment
geo	geology | geoscience | geographic	science	ambiguous
gis	geographic information systems	science	expand
ehs	environmental health and safety	science	expand
hse	health safety and environment	science	expand
ih	industrial hygiene | industrial hygienist	science	augment
cih	certified industrial hygienist	science	expand
csp	certified safety professional	science	augment
sci	science | scientist	science	ambiguous
rsch	research	science	expand
res	research | residential	science	ambiguous
postdoc	postdoctoral researcher	science	expand
# science: clinical research, pharma quality and laboratory
cta	clinical trial assistant | chartered tax adviser	science	ambiguous
ctm	clinical trial manager	science	expand
ccrc	certified clinical research coordinator	science	expand
qp	qualified person	science	expand
qms	quality management system	science	expand
capa	corrective and preventive action	science	ambiguous
csv	computer system validation	science	expand
hplc	high performance liquid chromatography	science	expand
lims	laboratory information management system	science	expand
biostat	biostatistics | biostatistician	science	augment
bioinfo	bioinformatics	science	expand
biochem	biochemistry | biochemist	science	augment
tox	toxicology	science	expand
haccp	hazard analysis and critical control points	science	expand
esg	environmental social and governance	science	expand
# science: clinical research and regulatory credentials
ccrp	certified clinical research professional	science	expand
rac	regulatory affairs certification	science	augment
pdra	postdoctoral research associate	science	expand
phys	physician | physics | physical	science	ambiguous
# education
esl	english as a second language	education	expand
ell	english language learner	education	expand
esol	english for speakers of other languages	education	expand
sped	special education	education	expand
sen	special educational needs	education	ambiguous
senco	special educational needs coordinator	education	expand
iep	individualized education program	education	expand
k-12	kindergarten through twelfth grade	education	augment
k12	kindergarten through twelfth grade	education	augment
stem	science technology engineering and mathematics	education	ambiguous
phd	doctor of philosophy	education	expand
edd	doctor of education	education	expand
med	medical | master of education	education	ambiguous
adj	adjunct | adjuster	education	ambiguous
prof	professor | professional	education	ambiguous
instr	instructor	education	expand
educ	education	education	expand
pgce	postgraduate certificate in education	education	expand
tefl	teaching english as a foreign language	education	expand
tesol	teaching english to speakers of other languages	education	expand
ece	early childhood education | electrical and computer engineering	education	ambiguous
gta	graduate teaching assistant	education	expand
gra	graduate research assistant	education	ambiguous
# education: shortenings, degrees, UK, Irish and Canadian school roles
tchr	teacher	education	expand
libn	librarian	education	expand
elem	elementary	education	expand
msc	master of science	education	expand
bsc	bachelor of science	education	expand
nvq	national vocational qualification	education	expand
qts	qualified teacher status	education	expand
nqt	newly qualified teacher	education	expand
ect	early career teacher | electroconvulsive therapy	education	ambiguous
lsa	learning support assistant	education	expand
sna	special needs assistant	education	expand
dsl	designated safeguarding lead | digital subscriber line	education	ambiguous
elt	english language teaching | executive leadership team	education	ambiguous
eal	english as an additional language	education	expand
rece	registered early childhood educator	education	expand
pre-k	pre-kindergarten	education	expand
prek	pre-kindergarten	education	expand
# education: degrees (also with dots), UK key stages, further education and school leadership
tchg	teaching	education	expand
schl	school	education	expand
mphil	master of philosophy	education	expand
dphil	doctor of philosophy	education	expand
meng	master of engineering	education	augment
beng	bachelor of engineering	education	augment
mfa	master of fine arts	education	expand
bfa	bachelor of fine arts	education	expand
bba	bachelor of business administration	education	expand
bsba	bachelor of science in business administration	education	expand
bcom	bachelor of commerce	education	expand
mpa	master of public administration	education	augment
mpp	master of public policy	education	expand
mlis	master of library and information science	education	expand
ph.d	doctor of philosophy	education	expand
m.d	doctor of medicine	education	expand
b.sc	bachelor of science	education	expand
m.sc	master of science	education	expand
hnd	higher national diploma	education	expand
hnc	higher national certificate	education	expand
c&g	city and guilds	education	expand
celta	certificate in english language teaching to adults	education	augment
hlta	higher level teaching assistant	education	expand
send	special educational needs and disabilities	education	ambiguous
sendco	special educational needs and disabilities coordinator	education	expand
eyfs	early years foundation stage	education	expand
ks2	key stage 2	education	expand
ks3	key stage 3	education	expand
ks4	key stage 4	education	expand
dht	deputy head teacher	education	expand
aht	assistant head teacher	education	expand
mfl	modern foreign languages	education	expand
efl	english as a foreign language	education	augment
hoy	head of year	education	ambiguous
lect	lecturer	education	expand
edtech	educational technology	education	expand
cte	career and technical education	education	expand
m.s	master of science	education	expand
b.s	bachelor of science	education	expand
b.a	bachelor of arts	education	expand
m.a	master of arts	education	expand
# hospitality
foh	front of house	hospitality	expand
boh	back of house	hospitality	expand
f&b	food and beverage	hospitality	expand
fnb	food and beverage	hospitality	augment
fom	front office manager	hospitality	expand
dosm	director of sales and marketing	hospitality	expand
sous	sous chef	hospitality	ambiguous
cdp	chef de partie | customer data platform	hospitality	ambiguous
qsr	quick service restaurant	hospitality	expand
hk	housekeeping	hospitality	ambiguous
hskp	housekeeping	hospitality	expand
hsk	housekeeping	hospitality	augment
bqt	banquet	hospitality	expand
bqts	banquets	hospitality	expand
rest	restaurant	hospitality	ambiguous
ird	in room dining	hospitality	expand
pbx	private branch exchange	hospitality	expand
# hospitality: kitchen, front office and beverage roles
dofb	director of food and beverage	hospitality	expand
cdc	chef de cuisine | centers for disease control	hospitality	ambiguous
kp	kitchen porter	hospitality	expand
gsa	guest service agent | general services administration	hospitality	ambiguous
gsr	guest service representative	hospitality	expand
mod	manager on duty | ministry of defence	hospitality	ambiguous
bev	beverage	hospitality	expand
somm	sommelier	hospitality	expand
# hospitality: hotel, restaurant and events roles and credentials
dor	director of rehabilitation | director of rooms | director of revenue	hospitality	ambiguous
fdm	front desk manager	hospitality	augment
rgm	restaurant general manager	hospitality	expand
cec	certified executive chef	hospitality	expand
cmp	certified meeting professional	hospitality	augment
# public sector, military and safety
le	law enforcement	public	ambiguous
leo	law enforcement officer	public	ambiguous
co	correctional officer | commanding officer	public	ambiguous
cpl	corporal	public	augment
sgt	sergeant	public	expand
lt	lieutenant	public	expand
capt	captain	public	expand
maj	major	public	ambiguous
col	colonel	public	ambiguous
lcdr	lieutenant commander	public	expand
cdr	commander	public	expand
cmdr	commander	public	expand
ssgt	staff sergeant	public	expand
msgt	master sergeant	public	expand
nco	non-commissioned officer	public	expand
pfc	private first class	public	expand
dod	department of defense	public	expand
dhs	department of homeland security	public	expand
fbi	federal bureau of investigation	public	expand
tsa	transportation security administration	public	expand
fema	federal emergency management agency	public	expand
cbp	customs and border protection	public	expand
usps	united states postal service	public	expand
ff	firefighter	public	augment
cps	child protective services	public	expand
gs	general schedule	public	ambiguous
gov	government | governor	public	ambiguous
govt	government	public	expand
fed	federal	public	augment
muni	municipal	public	augment
twp	township	public	expand
cty	county | city	public	ambiguous
sro	school resource officer	public	expand
ssa	social security administration	public	augment
# public: military ranks and services as written in civilian CVs
ltcol	lieutenant colonel	public	expand
2lt	second lieutenant	public	expand
1lt	first lieutenant	public	expand
sfc	sergeant first class	public	expand
lcpl	lance corporal	public	expand
cwo	chief warrant officer	public	expand
xo	executive officer	public	expand
oic	officer in charge	public	expand
ncoic	non-commissioned officer in charge	public	expand
mos	military occupational specialty | microsoft office specialist	public	ambiguous
usmc	united states marine corps	public	expand
usaf	united states air force	public	expand
usn	united states navy	public	expand
raf	royal air force	public	expand
# public: police and agencies
pcso	police community support officer	public	expand
dci	detective chief inspector	public	expand
di	detective inspector | drill instructor	public	ambiguous
det	detective	public	expand
csi	crime scene investigator	public	expand
k9	canine	public	expand
rcmp	royal canadian mounted police	public	expand
mp	member of parliament | military police	public	ambiguous
fda	food and drug administration | front desk agent	public	ambiguous
# public: more military ranks, intelligence, police and agency terms, UK civil-service grades
lcol	lieutenant colonel	public	expand
brig	brigadier	public	augment
bgen	brigadier general	public	expand
ltg	lieutenant general	public	expand
radm	rear admiral	public	expand
vadm	vice admiral	public	expand
ltjg	lieutenant junior grade	public	expand
ens	ensign	public	augment
mcpo	master chief petty officer	public	expand
scpo	senior chief petty officer	public	expand
sgm	sergeant major	public	expand
1sg	first sergeant	public	expand
ssg	staff sergeant	public	expand
tsgt	technical sergeant	public	expand
smsgt	senior master sergeant	public	expand
cmsgt	chief master sergeant	public	expand
a1c	airman first class	public	expand
gysgt	gunnery sergeant	public	expand
snco	senior non-commissioned officer	public	expand
jnco	junior non-commissioned officer	public	expand
pvt	private	public	expand
pte	private	public	augment
wo	warrant officer	public	ambiguous
wo1	warrant officer 1	public	expand
wo2	warrant officer 2	public	expand
eod	explosive ordnance disposal	public	expand
sigint	signals intelligence	public	expand
osint	open source intelligence	public	expand
uscg	united states coast guard	public	expand
dsu	detective superintendent	public	expand
tpr	trooper	public	augment
fto	field training officer	public	expand
tfo	task force officer	public	expand
doj	department of justice	public	expand
hmrc	his majesty's revenue and customs	public	expand
eo	executive officer | equal opportunity	public	ambiguous
ao	administrative officer	public	ambiguous
scs	senior civil service	public	augment
g7	grade 7	public	augment
ppo	probation and parole officer | preferred provider organization	public	ambiguous
rca	rural carrier associate | root cause analysis	public	ambiguous
k-9	canine	public	expand
ts/sci	top secret sensitive compartmented information	public	expand
# media and marketing
comms	communications	media	expand
seo	search engine optimization | senior executive officer	media	ambiguous
sem	search engine marketing	media	ambiguous
ppc	pay per click	media	expand
smm	social media marketing | social media manager	media	ambiguous
dp	director of photography | data processing	media	ambiguous
dop	director of photography	media	expand
ad	art director | assistant director | associate director	media	ambiguous
cd	creative director	media	ambiguous
acd	associate creative director	media	expand
ecd	executive creative director	media	expand
gcd	group creative director	media	expand
vfx	visual effects	media	expand
sfx	sound effects | special effects	media	ambiguous
av	audio visual | autonomous vehicle	media	ambiguous
dj	disc jockey	media	augment
mc	master of ceremonies	media	ambiguous
eic	editor in chief	media	expand
vo	voice over	media	augment
gfx	graphics	media	expand
3d	three-dimensional	media	augment
mograph	motion graphics	media	expand
ugc	user generated content	media	expand
kol	key opinion leader	media	expand
tv	television	media	expand
# media: shortenings of creative and marketing titles
gd	graphic designer | graphic design	media	augment
ep	executive producer | electrophysiology	media	ambiguous
dtp	desktop publishing	media	expand
photog	photographer	media	expand
videog	videographer	media	expand
edtr	editor	media	expand
marcom	marketing communications	media	expand
mkt	marketing | market	media	augment
mktng	marketing	media	expand
# media: production and creative shortenings
upm	unit production manager	media	expand
cgi	computer generated imagery	media	augment
a/v	audio visual	media	expand
illus	illustrator | illustration	media	augment
anim	animation | animator	media	augment
journo	journalist	media	augment
`;
