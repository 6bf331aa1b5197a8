/**
 * Invented applicants' names by country of citizenship, in the scripts people write them in:
 * Latin with accents (French, Spanish, Portuguese, Vietnamese, Polish…), Chinese, Hangul,
 * Arabic, Persian, Devanagari, Gurmukhi, Cyrillic, Greek. Weights follow, roughly, the countries
 * of citizenship of recent Express Entry candidates. None of these people exists.
 */

/** One way of writing names for a country: family names and given names by sex. */
export type NameStyle = {family: readonly string[]; female: readonly string[]; male: readonly string[]};

/** A country of citizenship with its names, how often it occurs, and its languages. */
export type Origin = {
	/** ISO 3166-1 alpha-3. */
	country: string;
	weight: number;
	/** Name styles with their weights (e.g. Latin transliteration and native script). */
	styles: readonly (readonly [NameStyle, number])[];
	/** Probability that French is the applicant's first official language. */
	french: number;
	/** Cities, for employers' names. */
	cities: readonly string[];
};

const FRENCH: NameStyle = {
	family: ['Côté-Lefrançois', 'Bélanger', 'Lefèvre', 'Gagné', 'Moreau', 'Rousseau', 'Lemaître', 'Dupré', 'Thériault', 'Faure', 'Benoît', 'Mercier', 'Girard', 'Chassé', 'Lebœuf', 'Noël'],
	female: ['Hélène', 'Amélie', 'Maëlle', 'Chloé', 'Élodie', 'Françoise', 'Léa', 'Inès', 'Camille', 'Zoé', 'Margaux', 'Anaïs'],
	male: ['François', 'Jérôme', 'Théo', 'Benoît', 'Étienne', 'Noé', 'Loïc', 'Mathéo', 'Raphaël', 'Gaëtan', 'Hugo', 'Jean-Sébastien'],
};
const INDIAN_LATIN: NameStyle = {
	family: ['Patel', 'Sharma', 'Singh', 'Kaur', 'Reddy', 'Iyer', 'Nair', 'Gupta', 'Desai', 'Menon', 'Chatterjee', 'Joshi', 'Kulkarni', 'Verma', 'Bhat', 'Pillai'],
	female: ['Priyanka', 'Ananya', 'Divya', 'Harpreet', 'Lakshmi', 'Sneha', 'Pooja', 'Kavya', 'Neha', 'Meera'],
	male: ['Arjun', 'Rohit', 'Vikram', 'Gurpreet', 'Rahul', 'Siddharth', 'Karthik', 'Aditya', 'Manish', 'Harjit'],
};
const HINDI: NameStyle = {
	family: ['पटेल', 'शर्मा', 'वर्मा', 'गुप्ता', 'जोशी', 'मिश्रा'],
	female: ['प्रियंका', 'अनन्या', 'दिव्या', 'स्नेहा', 'पूजा'],
	male: ['अर्जुन', 'राहुल', 'विक्रम', 'आदित्य', 'रोहित'],
};
const PUNJABI: NameStyle = {
	family: ['ਸਿੰਘ', 'ਕੌਰ', 'ਗਿੱਲ', 'ਸੰਧੂ'],
	female: ['ਹਰਪ੍ਰੀਤ', 'ਜਸਪ੍ਰੀਤ', 'ਮਨਦੀਪ'],
	male: ['ਗੁਰਪ੍ਰੀਤ', 'ਹਰਜੀਤ', 'ਅਮਨਦੀਪ'],
};
const CHINESE: NameStyle = {
	family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'],
	female: ['秀英', '桂英', '丽娟', '婷', '雪梅', '欣怡', '静'],
	male: ['伟', '强', '磊', '洋', '小明', '浩然', '子轩'],
};
const CHINESE_LATIN: NameStyle = {
	family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Zhou', 'Wu'],
	female: ['Xiuying', 'Li Juan', 'Ting', 'Xuemei', 'Xinyi', 'Jing'],
	male: ['Wei', 'Qiang', 'Lei', 'Yang', 'Haoran', 'Zixuan'],
};
const KOREAN: NameStyle = {
	family: ['김', '이', '박', '최', '정', '강'],
	female: ['서연', '지우', '민지', '수아', '하은'],
	male: ['민준', '서준', '도윤', '지호', '현우'],
};
const KOREAN_LATIN: NameStyle = {
	family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
	female: ['Seo-yeon', 'Ji-woo', 'Min-ji', 'Su-a'],
	male: ['Min-jun', 'Seo-jun', 'Do-yun', 'Ji-ho'],
};
const ARABIC: NameStyle = {
	family: ['الحسن', 'منصور', 'حداد', 'خليل', 'الشامي', 'عبد الله'],
	female: ['فاطمة', 'مريم', 'ليلى', 'نور', 'سارة'],
	male: ['محمد', 'أحمد', 'يوسف', 'عمر', 'خالد'],
};
const ARABIC_LATIN: NameStyle = {
	family: ['El Amrani', 'Haddad', 'Khalil', 'Mansour', 'Benali', 'Al-Hassan', 'Bouzid', 'Nasser'],
	female: ['Fatima Zahra', 'Meryem', 'Leila', 'Nour', 'Salma', 'Yasmine'],
	male: ['Mohamed', 'Youssef', 'Omar', 'Karim', 'Mehdi', 'Anas'],
};
const PERSIAN: NameStyle = {
	family: ['رضایی', 'محمدی', 'حسینی', 'کریمی', 'احمدی'],
	female: ['زهرا', 'مریم', 'نگار', 'شیرین'],
	male: ['علی', 'رضا', 'امیر', 'حسین'],
};
const PERSIAN_LATIN: NameStyle = {
	family: ['Rezaei', 'Mohammadi', 'Hosseini', 'Karimi', 'Ahmadi', 'Tehrani'],
	female: ['Zahra', 'Maryam', 'Negar', 'Shirin', 'Parisa'],
	male: ['Ali', 'Reza', 'Amir', 'Hossein', 'Babak'],
};
const UKRAINIAN: NameStyle = {
	family: ['Шевченко', 'Коваленко', 'Бондаренко', 'Мельник', 'Ткаченко', 'Кравчук'],
	female: ['Олена', 'Наталія', 'Оксана', 'Ірина', 'Софія'],
	male: ['Андрій', 'Олександр', 'Дмитро', 'Тарас', 'Богдан'],
};
const UKRAINIAN_LATIN: NameStyle = {
	family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Melnyk', 'Tkachenko', 'Kravchuk'],
	female: ['Olena', 'Nataliia', 'Oksana', 'Iryna', 'Sofiia'],
	male: ['Andrii', 'Oleksandr', 'Dmytro', 'Taras', 'Bohdan'],
};
const NIGERIAN: NameStyle = {
	family: ['Okonkwo', 'Adeyemi', 'Okafor', 'Balogun', 'Eze', 'Nwosu', 'Olawale', 'Abubakar', 'Chukwu', 'Ogunleye'],
	female: ['Chiamaka', 'Adaeze', 'Funmilayo', 'Ngozi', 'Aisha', 'Temitope', 'Oluwaseun'],
	male: ['Chinedu', 'Oluwaseun', 'Emeka', 'Ibrahim', 'Tunde', 'Obinna', 'Babatunde'],
};
const FILIPINO: NameStyle = {
	family: ['Dela Cruz', 'Santos', 'Reyes', 'Bautista', 'Villanueva', 'Mendoza', 'Castillo', 'Ocampo'],
	female: ['Maria Lourdes', 'Kristine Joy', 'Angelica', 'Ma. Teresa', 'Rowena'],
	male: ['Juan Miguel', 'Mark Anthony', 'Jose Miguel', 'Rommel', 'John Paul'],
};
const SPANISH: NameStyle = {
	family: ['García Márquez', 'Rodríguez', 'Hernández', 'Muñoz', 'López Peña', 'Martínez', 'Gómez', 'Jiménez', 'Ibáñez', 'Núñez'],
	female: ['Sofía', 'María José', 'Valentina', 'Lucía', 'Ximena', 'Camila', 'Inés'],
	male: ['José Andrés', 'Sebastián', 'Alejandro', 'Julián', 'Matías', 'Iván', 'Tomás'],
};
const BRAZILIAN: NameStyle = {
	family: ['Silva', 'Souza', 'Conceição', 'Araújo', 'Gonçalves', 'Magalhães', 'Brandão', 'Simões'],
	female: ['Beatriz', 'Luíza', 'Ana Cláudia', 'Júlia', 'Letícia'],
	male: ['João Vítor', 'Mateus', 'Luís Otávio', 'Caio', 'André'],
};
const VIETNAMESE: NameStyle = {
	family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng'],
	female: ['Thị Hương', 'Ngọc Ánh', 'Bảo Anh', 'Thu Trang', 'Mỹ Linh'],
	male: ['Văn Đức', 'Minh Quân', 'Quốc Bảo', 'Hữu Phước', 'Đức Anh'],
};
const PAKISTANI: NameStyle = {
	family: ['Khan', 'Qureshi', 'Malik', 'Siddiqui', 'Chaudhry', 'Butt', 'Raza'],
	female: ['Ayesha', 'Mahnoor', 'Sana', 'Hira', 'Zainab'],
	male: ['Usman', 'Bilal', 'Hamza', 'Faisal', 'Imran'],
};
const URDU: NameStyle = {family: ['خان', 'قریشی', 'ملک'], female: ['عائشہ', 'ثنا'], male: ['عثمان', 'بلال', 'حمزہ']};
const BANGLADESHI: NameStyle = {
	family: ['Hossain', 'Rahman', 'Islam', 'Chowdhury', 'Ahmed', 'Akter'],
	female: ['Nusrat', 'Farzana', 'Tahmina', 'Sumaiya'],
	male: ['Tanvir', 'Rakib', 'Arif', 'Sabbir'],
};
const KENYAN: NameStyle = {
	family: ['Mwangi', 'Otieno', 'Wanjiru', 'Kamau', 'Ochieng', 'Njoroge', 'Achieng'],
	female: ['Grace Njeri', 'Faith Wambui', 'Mercy Akinyi', 'Joy Wanjiku'],
	male: ['Brian Otieno', 'Kevin Kiprop', 'Dennis Mutua', 'Collins Omondi'],
};
const WEST_AFRICAN_FRENCH: NameStyle = {
	family: ['Traoré', 'Diallo', 'Koné', 'Ndiaye', 'Mbarga', 'Diop', 'Fofana', 'Sow', 'Tchakounté', 'Ngo Mbéa'],
	female: ['Aïssatou', 'Fatoumata', 'Mariam', 'Awa', 'Nadège', 'Grâce'],
	male: ['Moussa', 'Mamadou', 'Ibrahima', 'Cheikh', 'Serge-Aimé', 'Hervé'],
};
const HAITIAN: NameStyle = {
	family: ['Jean-Baptiste', 'Pierre-Louis', 'Étienne', 'Joseph', 'Désir', 'Saint-Fleur'],
	female: ['Widline', 'Guerline', 'Nadège', 'Roseline'],
	male: ['Wilner', 'Jean-Robert', 'Frantz', 'Ricardo'],
};
const ENGLISH: NameStyle = {
	family: ["O'Brien", 'Walsh', 'Thompson', 'Patel-Jones', 'MacLeod', 'Evans', 'Hughes', 'Fitzgerald'],
	female: ['Siobhán', 'Emily', 'Charlotte', 'Aoife', 'Hannah'],
	male: ['Seán', 'Oliver', 'James', 'Callum', 'Liam'],
};
const GREEK: NameStyle = {family: ['Παπαδόπουλος', 'Γεωργίου', 'Νικολάου'], female: ['Ελένη', 'Μαρία', 'Κατερίνα'], male: ['Γιώργος', 'Δημήτρης', 'Νίκος']};
const TURKISH: NameStyle = {
	family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk'],
	female: ['Ayşe', 'Zeynep', 'Elif', 'Gülşen'],
	male: ['Mehmet', 'Emre', 'Burak', 'Oğuz'],
};
const JAPANESE: NameStyle = {family: ['中村', '佐藤', '鈴木', '高橋'], female: ['陽菜', '結衣', 'さくら'], male: ['陽翔', '蓮', '大翔']};

/** The countries the demo draws applicants from. */
export const ORIGINS: readonly Origin[] = [
	{country: 'IND', weight: 30, styles: [[INDIAN_LATIN, 7], [HINDI, 2], [PUNJABI, 1]], french: 0, cities: ['Bengaluru', 'Pune', 'Hyderabad', 'Chennai', 'Mumbai', 'Chandigarh', 'Kochi']},
	{country: 'CHN', weight: 6, styles: [[CHINESE, 6], [CHINESE_LATIN, 4]], french: 0, cities: ['Shanghai', 'Shenzhen', 'Chengdu', 'Beijing', 'Hangzhou']},
	{country: 'NGA', weight: 7, styles: [[NIGERIAN, 1]], french: 0, cities: ['Lagos', 'Abuja', 'Ibadan', 'Port Harcourt', 'Enugu']},
	{country: 'PHL', weight: 5, styles: [[FILIPINO, 1]], french: 0, cities: ['Manila', 'Cebu', 'Davao', 'Quezon City']},
	{country: 'PAK', weight: 3, styles: [[PAKISTANI, 4], [URDU, 1]], french: 0, cities: ['Lahore', 'Karachi', 'Islamabad']},
	{country: 'FRA', weight: 4, styles: [[FRENCH, 1]], french: 0.9, cities: ['Lyon', 'Paris', 'Toulouse', 'Nantes', 'Bordeaux']},
	{country: 'BEL', weight: 1, styles: [[FRENCH, 1]], french: 0.8, cities: ['Bruxelles', 'Liège', 'Namur']},
	{country: 'MAR', weight: 3, styles: [[ARABIC_LATIN, 3], [ARABIC, 1]], french: 0.7, cities: ['Casablanca', 'Rabat', 'Marrakech', 'Tanger']},
	{country: 'DZA', weight: 2, styles: [[ARABIC_LATIN, 3], [ARABIC, 1]], french: 0.7, cities: ['Alger', 'Oran', 'Constantine']},
	{country: 'TUN', weight: 1, styles: [[ARABIC_LATIN, 3], [ARABIC, 1]], french: 0.6, cities: ['Tunis', 'Sfax', 'Sousse']},
	{country: 'EGY', weight: 2, styles: [[ARABIC_LATIN, 2], [ARABIC, 1]], french: 0, cities: ['Cairo', 'Alexandria', 'Giza']},
	{country: 'LBN', weight: 1, styles: [[ARABIC_LATIN, 2], [ARABIC, 1]], french: 0.4, cities: ['Beirut', 'Tripoli']},
	{country: 'CMR', weight: 2, styles: [[WEST_AFRICAN_FRENCH, 1]], french: 0.8, cities: ['Douala', 'Yaoundé']},
	{country: 'SEN', weight: 1, styles: [[WEST_AFRICAN_FRENCH, 1]], french: 0.9, cities: ['Dakar', 'Thiès']},
	{country: 'CIV', weight: 1, styles: [[WEST_AFRICAN_FRENCH, 1]], french: 0.9, cities: ['Abidjan', 'Bouaké']},
	{country: 'HTI', weight: 1, styles: [[HAITIAN, 1]], french: 0.8, cities: ['Port-au-Prince', 'Cap-Haïtien']},
	{country: 'KOR', weight: 2, styles: [[KOREAN, 6], [KOREAN_LATIN, 4]], french: 0, cities: ['Seoul', 'Busan', 'Incheon']},
	{country: 'IRN', weight: 3, styles: [[PERSIAN_LATIN, 3], [PERSIAN, 2]], french: 0, cities: ['Tehran', 'Isfahan', 'Shiraz']},
	{country: 'UKR', weight: 2, styles: [[UKRAINIAN, 5], [UKRAINIAN_LATIN, 5]], french: 0, cities: ['Kyiv', 'Lviv', 'Kharkiv', 'Dnipro']},
	{country: 'MEX', weight: 2, styles: [[SPANISH, 1]], french: 0, cities: ['Ciudad de México', 'Guadalajara', 'Monterrey']},
	{country: 'COL', weight: 2, styles: [[SPANISH, 1]], french: 0, cities: ['Bogotá', 'Medellín', 'Cali']},
	{country: 'ESP', weight: 1, styles: [[SPANISH, 1]], french: 0.05, cities: ['Madrid', 'Barcelona', 'Valencia']},
	{country: 'BRA', weight: 3, styles: [[BRAZILIAN, 1]], french: 0, cities: ['São Paulo', 'Belo Horizonte', 'Curitiba', 'Porto Alegre']},
	{country: 'VNM', weight: 2, styles: [[VIETNAMESE, 1]], french: 0, cities: ['Hà Nội', 'Hồ Chí Minh City', 'Đà Nẵng']},
	{country: 'BGD', weight: 2, styles: [[BANGLADESHI, 1]], french: 0, cities: ['Dhaka', 'Chattogram']},
	{country: 'KEN', weight: 1, styles: [[KENYAN, 1]], french: 0, cities: ['Nairobi', 'Mombasa', 'Kisumu']},
	{country: 'GBR', weight: 2, styles: [[ENGLISH, 1]], french: 0.02, cities: ['Manchester', 'Leeds', 'Glasgow', 'Bristol']},
	{country: 'IRL', weight: 1, styles: [[ENGLISH, 1]], french: 0, cities: ['Dublin', 'Cork', 'Galway']},
	{country: 'GRC', weight: 1, styles: [[GREEK, 1]], french: 0, cities: ['Athens', 'Thessaloniki']},
	{country: 'TUR', weight: 1, styles: [[TURKISH, 1]], french: 0, cities: ['Istanbul', 'Ankara', 'İzmir']},
	{country: 'JPN', weight: 1, styles: [[JAPANESE, 1]], french: 0, cities: ['Tokyo', 'Osaka']},
];
